/**
 * The preview page: draws the spreadsheet the server holds, runs menu items, answers the add-on's
 * dialogs and hosts its sidebars. The server is the single source of truth: after every execution it
 * says "changed" and the page fetches the view again.
 */
import type { OpenDialog, SelectionView, SheetView, ViewState } from '../shared/view';
import * as api from './api';
import { renderCharts } from './charts';
import { DialogView } from './dialog';
import { byId, columnLetters, h } from './dom';
import { markSelection, renderGrid } from './grid';
import { HtmlDialogView } from './html-dialog';
import { renderMenus } from './menu';
import { SidebarPanel } from './sidebar';
import { showToast } from './toasts';

let view: ViewState | null = null;
let activeSheet = '';
let selection: SelectionView | null = null;
let toastsSeen = -1;
const sidebar = new SidebarPanel();
const dialogs = new DialogView((id, answer) => void api.answerDialog(id, answer));
const htmlDialogs = new HtmlDialogView((id) => void api.answerDialog(id, { button: 'CLOSE', text: '' }));

function currentSheet(): SheetView | undefined {
  return view?.sheets.find((s) => s.name === activeSheet) ?? view?.sheets[0];
}

function showFormulaBar(): void {
  const sheet = currentSheet();
  const here = selection && sheet && selection.sheet === sheet.name ? selection : null;
  const corner = here && `${columnLetters(here.col + here.numCols - 1)}${here.row + here.numRows - 1}`;
  const start = here && `${columnLetters(here.col)}${here.row}`;
  byId('cell-ref').textContent = here
    ? here.numRows * here.numCols > 1
      ? `${start}:${corner}`
      : `${start}`
    : '';
  const cell = here ? sheet?.cells[here.row - 1]?.[here.col - 1] : undefined;
  byId('cell-content').textContent = cell?.f ?? '';
}

/** The cell a shift-click extends from (Sheets' anchor), on the sheet it was clicked on. */
let anchor: { sheet: string; row: number; col: number } | null = null;

function selectCell(row: number, col: number, extend: boolean): void {
  const sheet = currentSheet();
  if (!sheet) return;
  if (!extend || anchor?.sheet !== sheet.name) anchor = { sheet: sheet.name, row, col };
  const top = Math.min(anchor.row, row);
  const left = Math.min(anchor.col, col);
  selection = {
    sheet: sheet.name,
    row: top,
    col: left,
    numRows: Math.abs(anchor.row - row) + 1,
    numCols: Math.abs(anchor.col - col) + 1,
  };
  const table = byId('grid-wrap').querySelector('table');
  if (table) markSelection(table, selection);
  showFormulaBar();
  void api.select(selection);
}

function renderSheet(): void {
  const sheet = currentSheet();
  const wrap = byId('grid-wrap');
  if (!sheet) {
    wrap.replaceChildren();
    return;
  }
  // A redraw of the same sheet keeps its scroll position; another sheet opens at A1.
  const same = wrap.querySelector('table')?.dataset.sheet === sheet.name;
  const { scrollTop, scrollLeft } = wrap;
  wrap.replaceChildren(renderGrid(sheet, selection, { onSelect: selectCell }));
  renderCharts(wrap, sheet);
  wrap.scrollTop = same ? scrollTop : 0;
  wrap.scrollLeft = same ? scrollLeft : 0;
  showFormulaBar();
}

function renderTabs(): void {
  const tabs = (view?.sheets ?? []).map((sheet) => {
    const tab = h(
      'button',
      { type: 'button', class: 'tab', role: 'tab', 'aria-selected': String(sheet.name === activeSheet) },
      sheet.name,
    );
    tab.addEventListener('click', () => {
      if (sheet.name === activeSheet) return;
      activeSheet = sheet.name;
      selection = null;
      renderTabs();
      renderSheet();
      void api.activate(sheet.name);
    });
    return tab;
  });
  byId('tabs').replaceChildren(...tabs);
}

function setBusy(text: string): void {
  byId('busy').textContent = text;
}

async function runItem(functionName: string, caption: string): Promise<void> {
  setBusy(`Running ${caption.replace(/…$/, '')}…`);
  try {
    const result = await api.runFunction(functionName);
    if (!result.ok)
      showToast({ title: `Error in ${functionName}`, message: result.error, timeoutSeconds: 10 }, 'error');
  } catch (error) {
    showToast({ title: 'Preview server', message: (error as Error).message, timeoutSeconds: 10 }, 'error');
  } finally {
    setBusy('');
    await refresh();
  }
}

function apply(next: ViewState): void {
  const first = view === null;
  view = next;
  activeSheet = next.activeSheet;
  selection = next.selection;
  document.title = `${next.title} – preview`;
  byId('doc-title').textContent = next.title;
  byId('save').title = next.savePath ? `Writes ${next.savePath}` : 'Downloads the workbook as .xlsx';
  renderMenus(byId('menubar'), next.menus, (fn, caption) => void runItem(fn, caption));
  renderTabs();
  renderSheet();
  if (first) {
    sidebar.skipUpTo(next.sidebar);
    toastsSeen = next.toasts.length - 1;
  }
  sidebar.update(next.sidebar);
  for (const toast of next.toasts) if (toast.seq > toastsSeen) showToast(toast);
  toastsSeen = Math.max(toastsSeen, next.toasts.length - 1);
  document.body.dataset.ready = 'true';
}

// One fetch at a time; a change announced meanwhile fetches once more afterwards.
let fetching: Promise<void> | null = null;
let again = false;

async function refresh(): Promise<void> {
  if (fetching) {
    again = true;
    return fetching;
  }
  fetching = (async () => {
    do {
      again = false;
      try {
        apply(await api.fetchView());
      } catch (error) {
        setBusy((error as Error).message);
      }
    } while (again);
  })();
  try {
    await fetching;
  } finally {
    fetching = null;
  }
}

async function save(): Promise<void> {
  setBusy('Saving…');
  try {
    const { blob, savedTo } = await api.exportXlsx();
    if (savedTo) {
      setBusy(`Saved to ${savedTo}`);
      return;
    }
    const link = h('a', { href: URL.createObjectURL(blob), download: `${view?.title ?? 'preview'}.xlsx` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setBusy('');
  } catch (error) {
    setBusy((error as Error).message);
  }
}

function listen(): void {
  const events = new EventSource('/api/events');
  events.addEventListener('changed', () => void refresh());
  events.addEventListener('dialog', (event) => {
    const dialog = JSON.parse((event as MessageEvent).data) as OpenDialog;
    if (dialog.kind === 'html') htmlDialogs.show(dialog);
    else dialogs.show(dialog);
  });
  events.addEventListener('dialog-closed', (event) => {
    const { id } = JSON.parse((event as MessageEvent).data) as { id: number };
    dialogs.dismiss(id);
    htmlDialogs.dismiss(id);
  });
}

byId('save').addEventListener('click', () => void save());
listen();
void refresh();
