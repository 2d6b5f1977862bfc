/**
 * What the preview page receives from the server: the workbook as it is painted (display text, colours,
 * sparklines, errors), the menus the add-on registered, toasts and sidebars. Plain JSON, no Dates.
 */

/** The grid's row height and default column width in pixels, as the page draws them. */
export const ROW_HEIGHT = 21;
export const DEFAULT_COLUMN_WIDTH = 100;

/** How a cell's value reads, for alignment and drawing: number (dates too), text, boolean, error, sparkline. */
export type CellKind = 'n' | 's' | 'b' | 'e' | 'k';

export interface SparklineView {
  readonly data: readonly number[];
  readonly options: Readonly<Record<string, string | number | boolean>>;
}

/** One cell; defaults (blank text, white, black, normal weight) are left out to keep the JSON small. */
export interface CellView {
  /** Display text, as getDisplayValue shows it. */
  t?: string;
  k?: CellKind;
  /** The formula, or the literal as typed, for the formula bar. */
  f?: string;
  bg?: string;
  fc?: string;
  b?: true;
  i?: true;
  /** An error's message (shown on hover). */
  err?: string;
  spark?: SparklineView;
  note?: string;
}

export interface ChartSeriesView {
  readonly name: string;
  /** One value per label; null where the cell holds no number. */
  readonly data: readonly (number | null)[];
}

export type LegendPosition = 'top' | 'bottom' | 'left' | 'right' | 'none';

/**
 * An embedded chart as the page draws it: its anchor cell and size, and its ranges' computed values
 * read the way Sheets reads them (headers, labels from the first column, one series per column).
 */
export interface ChartView {
  readonly id: number;
  /** The Charts.ChartType name: 'BAR', 'COLUMN', 'LINE', 'AREA', 'PIE'... */
  readonly type: string;
  readonly anchor: {
    readonly row: number;
    readonly col: number;
    readonly offsetX: number;
    readonly offsetY: number;
  };
  readonly width: number;
  readonly height: number;
  readonly title: string | null;
  readonly labels: readonly string[];
  readonly series: readonly ChartSeriesView[];
  /** Colours by series (by slice for a pie); missing ones take the palette's. */
  readonly colors: readonly string[];
  readonly stacked: boolean;
  readonly legend: LegendPosition;
  readonly xAxisTitle: string | null;
  readonly yAxisTitle: string | null;
  /** The value axis (horizontal for a bar chart): its viewWindow, and 'percent' ticks. */
  readonly valueAxis: { readonly min: number | null; readonly max: number | null; readonly percent: boolean };
  readonly smooth: boolean;
  /** A pie's hole, 0 to 1 of its radius (pieHole). */
  readonly pieHole: number;
  /** Why the page draws a note instead of the chart (a type it cannot draw, no numbers in the ranges). */
  readonly problem: string | null;
}

export interface SheetView {
  readonly name: string;
  /** Rows drawn: the content and a few blank ones, at most MAX_ROWS_SHOWN. */
  readonly rows: number;
  /** The last row with content (may be more than `rows` for a very long sheet). */
  readonly lastRow: number;
  readonly cols: number;
  readonly frozenRows: number;
  /** Pixel widths of the columns that are not the default 100, by 1-based column. */
  readonly columnWidths: Readonly<Record<number, number>>;
  readonly hiddenColumns: readonly number[];
  readonly cells: CellView[][];
  readonly charts: readonly ChartView[];
}

export type MenuEntryView =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly caption: string; readonly items: readonly MenuEntryView[] };

export interface MenuView {
  readonly caption: string;
  /** True for the add-on menu: shown under Extensions › caption. */
  readonly addon: boolean;
  readonly items: readonly MenuEntryView[];
}

export interface ToastView {
  /** Position in the workbook's toast list: the page shows each toast once. */
  readonly seq: number;
  readonly title: string;
  readonly message: string;
  readonly timeoutSeconds: number | null;
}

export interface SidebarView {
  /** Position in the list of sidebars shown: a new id is a new showSidebar call. */
  readonly id: number;
  readonly title: string;
  readonly width: number | null;
}

export interface SelectionView {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
}

export interface ViewState {
  readonly title: string;
  readonly activeSheet: string;
  readonly selection: SelectionView | null;
  readonly sheets: readonly SheetView[];
  readonly menus: readonly MenuView[];
  readonly toasts: readonly ToastView[];
  /** The last sidebar shown, if any. */
  readonly sidebar: SidebarView | null;
  /** Where "Save as .xlsx" writes on the server (--out), or null to download in the browser. */
  readonly savePath: string | null;
}

export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';
export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

/** The buttons of each set, default first; the close button (CLOSE) belongs to every dialog. */
export const BUTTON_SETS: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** An alert or prompt the add-on is waiting on. */
export interface DialogRequest {
  readonly id: number;
  readonly kind: 'alert' | 'prompt';
  readonly title: string;
  readonly message: string;
  readonly buttons: ButtonSetName;
}

/** An HtmlService dialog (showModalDialog / showModelessDialog) the add-on opened, until it is closed. */
export interface HtmlDialogRequest {
  readonly id: number;
  readonly kind: 'html';
  /** Position in the workbook's list of dialogs shown: its page is /dialog/<index>. */
  readonly index: number;
  readonly modal: boolean;
  readonly title: string;
  readonly width: number | null;
  readonly height: number | null;
}

/** A dialog open in the preview: the page shows it until it is answered or closed. */
export type OpenDialog = DialogRequest | HtmlDialogRequest;

export interface DialogAnswer {
  readonly button: ButtonName;
  readonly text: string;
}

/** The result of calling one of the add-on's globals. */
export type RunResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };
