/**
 * A dialog nobody can answer any more is closed as Sheets closes it: once no preview page has been open
 * for `timeoutMs` while a dialog is open, the dialogs are closed with their close button's answer, so the
 * add-on's execution finishes and the preview stays usable. A reload (the page is gone for a moment) or
 * another page opened in time keeps the dialog waiting.
 */
export class UnansweredDialogs {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly timeoutMs: number,
    private readonly close: () => void,
  ) {}

  /** Called whenever the number of open pages, or whether a dialog is open, changes. */
  update(pages: number, dialogOpen: boolean): void {
    if (pages > 0 || !dialogOpen) this.stop();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.close();
      }, this.timeoutMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
