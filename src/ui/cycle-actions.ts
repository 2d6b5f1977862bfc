/**
 * Menu: Close cycle. Confirms what will happen (explicitly when the cycle has not started yet), asks
 * what to carry over, then closes under the document lock. A close that an earlier attempt left
 * unfinished is finished without asking again: the user already confirmed it.
 */
import type { CarryChoice, NamedCycle } from '../core';
import { type CloseOutcome, closeCycle, previewClose, resumeClose } from '../sheets/close-cycle';
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

function span(cycle: NamedCycle): string {
  return `${day(cycle.start)} to ${day(cycle.end)}`;
}

function report(outcome: CloseOutcome): string {
  if (outcome.kind === 'refused') return outcome.reason;
  const { plan, archived, carried } = outcome;
  const done = `${plan.cycle.name} is archived on "${plan.archive.sheet}" (${archived} key results). ${plan.next.name} has started with ${carried} key results carried over.`;
  return outcome.resumed
    ? `The close of ${plan.cycle.name} had been interrupted; it is now finished. ${done}`
    : done;
}

export const closeCycleFromMenu = menuAction(TITLE, ({ locked }) => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const now = new Date();
  const preview = previewClose(spreadsheet, now);
  if ('interrupted' in preview) {
    const { cycle } = preview.interrupted;
    const outcome = locked(() => resumeClose(spreadsheet, cycle, now));
    ui().alert(TITLE, report(outcome), ui().ButtonSet.OK);
    return;
  }
  if ('refused' in preview) {
    ui().alert(TITLE, preview.refused, ui().ButtonSet.OK);
    return;
  }
  const { settings, next } = preview;
  const { cycle } = settings;
  const what = `The final scores and statuses of ${preview.keyResults} key results (${preview.finished} done) will be archived to the sheet "Archive ${cycle.name}". Then ${next.name} starts (${span(next)}). The check-in log is kept.`;
  const confirm = preview.notStarted
    ? ui().alert(
        `Close ${cycle.name} before it has started?`,
        `${cycle.name} has not started yet: it runs ${span(cycle)}. Close it anyway? ${what}`,
        ui().ButtonSet.YES_NO,
      )
    : ui().alert(`Close ${cycle.name}?`, what, ui().ButtonSet.YES_NO);
  if (confirm !== ui().Button.YES) return;
  const answer = ui().prompt(
    `Carry key results over to ${next.name}?`,
    'Type "unfinished" (the default: every key result not yet done), "all" or "none". Carried key results keep their row, ID and history, and start from their current value.',
    ui().ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui().Button.OK) return;
  const choice = CHOICES[answer.getResponseText().trim().toLowerCase()];
  if (!choice) {
    ui().alert(
      TITLE,
      `"${answer.getResponseText()}" is not one of unfinished, all or none. Nothing was changed.`,
      ui().ButtonSet.OK,
    );
    return;
  }
  const outcome = locked(() => closeCycle(spreadsheet, { cycle, choice }, now));
  ui().alert(TITLE, report(outcome), ui().ButtonSet.OK);
});
