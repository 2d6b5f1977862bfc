/**
 * The sidebar panel on the right: the add-on's HTML in a sandboxed iframe (as Sheets serves it), with
 * the preview's google.script shim injected by the server. google.script.host.close() asks to close it.
 */
import type { SidebarView } from '../shared/view';
import { byId } from './dom';

const SIDEBAR_WIDTH = 300;

export class SidebarPanel {
  private readonly panel = byId('sidebar');
  private readonly frame = byId<HTMLIFrameElement>('sidebar-frame');
  /** The newest sidebar id already handled; an older one is never reopened. */
  private seen = -1;

  constructor() {
    byId('sidebar-close').addEventListener('click', () => this.close());
    window.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as { source?: string; type?: string } | null;
      if (event.source !== this.frame.contentWindow || data?.source !== 'okr-preview-sidebar') return;
      if (data.type === 'close') this.close();
    });
  }

  /** Notes the sidebars shown before the page loaded, so only new ones open (as after a reload in Sheets). */
  skipUpTo(sidebar: SidebarView | null): void {
    this.seen = Math.max(this.seen, sidebar?.id ?? -1);
  }

  update(sidebar: SidebarView | null): void {
    if (!sidebar || sidebar.id <= this.seen) return;
    this.seen = sidebar.id;
    byId('sidebar-title').textContent = sidebar.title;
    this.panel.style.width = `${SIDEBAR_WIDTH}px`;
    this.frame.src = `/sidebar/${sidebar.id}`;
    this.panel.hidden = false;
  }

  close(): void {
    this.panel.hidden = true;
    this.frame.src = 'about:blank';
  }
}
