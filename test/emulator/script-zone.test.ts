/**
 * Apps Script runs the script's Date in the project's time zone (appsscript.json), whatever the zone of
 * the machine running the tests: `TZ=America/New_York npm test` sees the same Dates as a run in UTC.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkbook } from '../../emulator';

const manifestZone: string = JSON.parse(
  readFileSync(join(__dirname, '../../appsscript.json'), 'utf8'),
).timeZone;

const canonical = (zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
const processZone = () => canonical(Intl.DateTimeFormat().resolvedOptions().timeZone);
/** Midnight of 2026-01-01 as this process's Date reads it, in UTC. */
const newYear = () => new Date(2026, 0, 1).toISOString();

afterAll(() => {
  createWorkbook({ scriptTimeZone: manifestZone });
});

it("runs every test file's Date in the manifest's time zone", () => {
  expect(processZone()).toBe(canonical(manifestZone));
});

it("moves the script's Date to the zone a workbook's script runs in, and back", () => {
  createWorkbook({ timeZone: 'America/New_York', scriptTimeZone: 'Asia/Kolkata' });
  expect(newYear()).toBe('2025-12-31T18:30:00.000Z');
  createWorkbook({ timeZone: 'Pacific/Chatham' });
  expect(newYear()).toBe('2025-12-31T10:15:00.000Z');
  createWorkbook({ scriptTimeZone: 'Etc/UTC' });
  expect(newYear()).toBe('2026-01-01T00:00:00.000Z');
});

it("gives the script's Date the workbook's script zone inside the script too", () => {
  const wb = createWorkbook({ scriptTimeZone: 'America/Santiago', clock: () => new Date(0) });
  const ScriptDate = wb.globals.Date;
  expect(new ScriptDate(2026, 0, 1).toISOString()).toBe('2026-01-01T03:00:00.000Z');
  expect(wb.globals.Session.getScriptTimeZone()).toBe('America/Santiago');
});
