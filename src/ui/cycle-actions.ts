/** Menu: Close cycle. Confirms what will happen, asks what to carry over, then closes and refreshes. */
import type { CarryChoice } from '../core';
import { closeCycle, previewClose } from '../sheets/close-cycle';
import { refreshAll } from '../sheets/refresh';
import { menuAction } from './entry';

const TITLE = 'Close cycle';
const CHOICES: Readonly<Record<string, CarryChoice>> = {
  all: 'all',
  unfinished: 'unfinished',
  none: 'none',
  '': 'unfinished',
};

function ui() {
  return SpreadsheetApp.getUi();
}

function day(date: Date): string {
  return Utilities.formatDate(date, Session.getScriptTimeZone(), 'yyyy-MM-dd');
}

export const closeCycleFromMenu = menuAction(TITLE, ({ locked }) => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const today = new Date();
  const preview = previewClose(spreadsheet, today);
  if ('refused' in preview) {
    ui().alert(TITLE, preview.refused, ui().ButtonSet.OK);
    return;
  }
  const { settings, next } = preview;
  const confirm = ui().alert(
    `Close ${settings.cycle.name}?`,
    `The final scores and statuses of ${preview.keyResults} key results (${preview.finished} done) will be archived to the sheet "Archive ${settings.cycle.name}". Then ${next.name} starts (${day(next.start)} to ${day(next.end)}). The check-in log is kept.`,
    ui().ButtonSet.YES_NO,
  );
  if (confirm !== ui().Button.YES) return;
  const answer = ui().prompt(
    `Carry key results over to ${next.name}?`,
    'Type "unfinished" (the default: every key result not yet done), "all" or "none". Carried key results keep their ID and history, and start from their current value.',
    ui().ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui().Button.OK) return;
  const typed = answer.getResponseText().trim().toLowerCase();
  const choice = CHOICES[typed];
  if (!choice) {
    ui().alert(
      TITLE,
      `"${answer.getResponseText()}" is not one of unfinished, all or none. Nothing was changed.`,
      ui().ButtonSet.OK,
    );
    return;
  }
  const outcome = locked(() => {
    const result = closeCycle(spreadsheet, choice, today);
    if (result.kind === 'closed') refreshAll(spreadsheet, today);
    return result;
  });
  ui().alert(
    TITLE,
    outcome.kind === 'refused'
      ? outcome.reason
      : `${settings.cycle.name} is archived on "${outcome.archive}" (${outcome.archived} key results). ${next.name} has started with ${outcome.carried} key results carried over.`,
    ui().ButtonSet.OK,
  );
});
