/**
 * The menu bar: the add-on's menu under Extensions › <add-on name>, as Sheets shows createAddonMenu(),
 * and any createMenu() menus beside it. Menus open on click; submenus also on hover.
 */
import type { MenuEntryView, MenuView } from '../shared/view';
import { h } from './dom';

export type RunItem = (functionName: string, caption: string) => void;

function closeAll(root: ParentNode): void {
  for (const open of root.querySelectorAll('.menu.open')) open.classList.remove('open');
}

function entries(items: readonly MenuEntryView[], onRun: RunItem): HTMLElement {
  const list = h('div', { class: 'menu-list', role: 'menu' });
  for (const item of items) {
    if (item.kind === 'separator') list.append(h('div', { class: 'menu-separator', role: 'separator' }));
    else if (item.kind === 'item') {
      const button = h('button', { type: 'button', class: 'menu-item', role: 'menuitem' }, item.caption);
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        closeAll(document);
        onRun(item.functionName, item.caption);
      });
      list.append(button);
    } else list.append(submenu(item.caption, item.items, onRun));
  }
  return list;
}

function submenu(caption: string, items: readonly MenuEntryView[], onRun: RunItem): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'menu-item has-submenu', 'aria-haspopup': 'menu' },
    caption,
  );
  const menu = h('div', { class: 'menu submenu' }, button, entries(items, onRun));
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    menu.classList.add('open');
  });
  return menu;
}

function topMenu(caption: string, list: HTMLElement): HTMLElement {
  const button = h('button', { type: 'button', class: 'menu-title', 'aria-haspopup': 'menu' }, caption);
  const menu = h('div', { class: 'menu top' }, button, list);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const wasOpen = menu.classList.contains('open');
    closeAll(document);
    if (!wasOpen) menu.classList.add('open');
  });
  return menu;
}

/** Draws the menus; unchanged menus are left as they are, so a redraw never closes an open menu. */
export function renderMenus(bar: HTMLElement, menus: readonly MenuView[], onRun: RunItem): void {
  const drawn = JSON.stringify(menus);
  if (bar.dataset.menus === drawn) return;
  bar.dataset.menus = drawn;
  const addonMenus = menus.filter((m) => m.addon);
  const extensions = h('div', { class: 'menu-list', role: 'menu' });
  if (addonMenus.length === 0)
    extensions.append(h('div', { class: 'menu-empty' }, 'No add-on menu (onOpen did not add one)'));
  for (const menu of addonMenus) extensions.append(submenu(menu.caption, menu.items, onRun));
  bar.replaceChildren(
    topMenu('Extensions', extensions),
    ...menus.filter((m) => !m.addon).map((m) => topMenu(m.caption, entries(m.items, onRun))),
  );
}

document.addEventListener('click', () => closeAll(document));
