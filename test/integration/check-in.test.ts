import { NOW, openAddon, values } from '../support/addon';
import { loadBundle } from '../support/bundle';

type Result = {
  ok: boolean;
  errors?: Record<string, string>;
  keyResult?: { id: string; score: number | null; history: unknown[] };
};

function okrWorkbook() {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  const okrs = addon.wb.sheet('OKRs');
  const rows = values(addon.wb, 'OKRs', 'A2:U6');
  const idOf = (name: RegExp) => String(rows.find((r) => name.test(String(r[1])))?.[20]);
  const submit = (form: Record<string, unknown>) => addon.run('sidebarSubmitCheckIn', form) as Result;
  return { ...addon, okrs, idOf, submit };
}

function rowOf(okrs: GoogleAppsScript.Spreadsheet.Sheet, id: string): unknown[] {
  return (
    okrs
      .getRange(2, 1, 5, 21)
      .getValues()
      .find((r) => r[20] === id) ?? []
  );
}

describe('check-in sidebar: submitting', () => {
  it('appends one row to the log and updates the key result found by its ID', () => {
    const { wb, okrs, idOf, submit } = okrWorkbook();
    const id = idOf(/active users/);
    const result = submit({ krId: id, value: '850', confidence: '8', comment: 'Launch week helped' });
    expect(result.ok).toBe(true);
    expect(result.keyResult?.score).toBeCloseTo(0.85);
    expect(result.keyResult?.history).toHaveLength(1);
    const log = values(wb, 'Check-ins', 'A2:G3');
    expect(log[0]).toEqual([
      NOW,
      id,
      'Reach 1,000 active users',
      850,
      8,
      'Launch week helped',
      'user@example.com',
    ]);
    expect(log[1]).toEqual(['', '', '', '', '', '', '']);
    const row = rowOf(okrs, id);
    expect(row[6]).toBe(850);
    expect(row[8]).toBe(8);
    expect(row[18]).toEqual(NOW);
    expect(row[12]).toBeCloseTo(0.85);
  });

  it('finds the key result by ID after the rows were sorted', () => {
    const { okrs, idOf, submit } = okrWorkbook();
    const id = idOf(/active users/);
    // A user sorts the table's rows, whole (Data > Sort range); the KR IDs move with their rows.
    okrs.getRange('A2:U6').sort({ column: 2, ascending: false });
    expect(submit({ krId: id, value: '900', confidence: 'on track', comment: '' }).ok).toBe(true);
    expect(rowOf(okrs, id)[6]).toBe(900);
    expect(rowOf(okrs, id)[1]).toBe('Reach 1,000 active users');
  });

  it('records a milestone as done', () => {
    const { idOf, submit, okrs } = okrWorkbook();
    const id = idOf(/referral/);
    expect(submit({ krId: id, value: true, confidence: '9', comment: 'Shipped' }).keyResult?.score).toBe(1);
    expect(rowOf(okrs, id)[6]).toBe(true);
  });

  it('stores a comment that looks like a formula as text', () => {
    const { wb, idOf, submit } = okrWorkbook();
    const id = idOf(/active users/);
    for (const comment of ['=IMPORTXML("http://evil")', '+1 from me', '-5 users', '@channel']) {
      expect(submit({ krId: id, value: '800', confidence: '7', comment }).ok).toBe(true);
    }
    const comments = values(wb, 'Check-ins', 'F2:F5').flat();
    expect(comments).toEqual(['=IMPORTXML("http://evil")', '+1 from me', '-5 users', '@channel']);
    expect(wb.sheet('Check-ins').getRange('F2:F5').getFormulas().flat()).toEqual(['', '', '', '']);
  });

  it.each([
    [{ krId: '', value: '1', confidence: '7', comment: '' }, 'krId', 'Choose a key result'],
    [
      { value: 'lots', confidence: '7', comment: '' },
      'value',
      'Enter a number such as 42, 3.5 or 45% (got "lots")',
    ],
    [
      { value: '10', confidence: '12', comment: '' },
      'confidence',
      'Choose 1 to 10, or on track / at risk / off track (got "12")',
    ],
    [
      { value: '10', confidence: '7', comment: 'x'.repeat(1001) },
      'comment',
      'Keep the comment under 1000 characters',
    ],
    [
      { krId: 'KR-gone', value: '10', confidence: '7', comment: '' },
      'krId',
      'Key result KR-gone was not found',
    ],
    [{ value: true, confidence: '7', comment: '' }, 'value', 'is a linear key result: its value is a number'],
  ])('refuses %p naming the field, and writes nothing', (form, field, message) => {
    const { wb, idOf, submit } = okrWorkbook();
    const before = values(wb, 'OKRs', 'A2:U6');
    const result = submit({ krId: idOf(/active users/), ...form });
    expect(result.ok).toBe(false);
    expect(result.errors?.[field]).toContain(message);
    expect(wb.sheet('Check-ins').getLastRow()).toBe(1);
    expect(values(wb, 'OKRs', 'A2:U6')).toEqual(before);
  });

  it('refuses a typed value on a key result that follows a KPI, and writes nothing', () => {
    const { wb, idOf, submit } = okrWorkbook();
    const before = values(wb, 'OKRs', 'A2:U6');
    const result = submit({ krId: idOf(/on-time delivery/), value: '0.99', confidence: '7', comment: '' });
    expect(result.errors?.value).toMatch(
      /follows the KPI "On-time delivery": its value comes from that KPI, so record a confidence and a comment only/,
    );
    expect(values(wb, 'OKRs', 'A2:U6')).toEqual(before);
    expect(values(wb, 'Check-ins', 'A2:G2')[0]).toEqual(['', '', '', '', '', '', '']);
  });

  it("records confidence and a comment on a key result that follows a KPI, with the KPI's value", () => {
    const { wb, idOf, submit } = okrWorkbook();
    const id = idOf(/on-time delivery/);
    const result = submit({ krId: id, value: null, confidence: '4', comment: 'Carrier strike' });
    expect(result.ok).toBe(true);
    const row = rowOf(wb.sheet('OKRs'), id);
    // Current stays the KPI's (97%); confidence and last check-in are the check-in's.
    expect([row[6], row[8], row[18]]).toEqual([0.97, 4, NOW]);
    expect(values(wb, 'Check-ins', 'B2:F2')[0]).toEqual([
      id,
      'Keep on-time delivery at 98% or better',
      0.97,
      4,
      'Carrier strike',
    ]);
  });

  it('asks for a value when none is sent for a key result of its own', () => {
    const { idOf, submit } = okrWorkbook();
    expect(submit({ krId: idOf(/active users/), value: null, confidence: '7', comment: '' }).errors).toEqual({
      value: 'Enter the new value',
    });
  });
});

describe('check-in sidebar: concurrency', () => {
  it('lands both check-ins when two people submit at once', () => {
    const { wb, idOf, submit } = okrWorkbook();
    const other = wb.newExecution();
    const otherAddon = loadBundle(other.globals as unknown as Record<string, unknown>);
    // The other person's submission holds the lock for a moment; this one waits for it, then lands.
    wb.locks.holdByAnother('document', { releaseAfterMs: 1000 });
    expect(submit({ krId: idOf(/active users/), value: '720', confidence: '7', comment: 'mine' }).ok).toBe(
      true,
    );
    const theirs = otherAddon.sidebarSubmitCheckIn?.({
      krId: idOf(/conversion/),
      value: '0.026',
      confidence: '6',
      comment: 'theirs',
    }) as Result;
    expect(theirs.ok).toBe(true);
    expect(values(wb, 'Check-ins', 'F2:F3').flat().sort()).toEqual(['mine', 'theirs']);
  });

  it('says "busy, try again" when the lock cannot be had in time, and writes nothing', () => {
    const { wb, idOf, submit } = okrWorkbook();
    const release = wb.locks.holdByAnother('document');
    const result = submit({ krId: idOf(/active users/), value: '720', confidence: '7', comment: 'kept' });
    release();
    expect(result).toEqual({
      ok: false,
      errors: { form: 'Someone else is updating this spreadsheet right now. Please try again in a moment.' },
    });
    expect(wb.sheet('Check-ins').getLastRow()).toBe(1);
  });
});

describe('check-in sidebar: opening', () => {
  it('opens from the menu with the key results grouped data in the page, the selected row preselected', () => {
    const { wb, run, okrs, idOf } = okrWorkbook();
    okrs.getRange('C5').activate();
    run('menuCheckIn');
    const sidebar = wb.ui.lastSidebar();
    expect(sidebar?.title).toBe('Check in');
    const json =
      /<script id="initial-data" type="application\/json">(.*?)<\/script>/s.exec(sidebar?.html ?? '')?.[1] ??
      '';
    const data = JSON.parse(json) as {
      selectedId: string;
      cycleName: string;
      keyResults: { objective: string }[];
    };
    expect(data.selectedId).toBe(idOf(/active users/));
    expect(data.cycleName).toBe('2026 Q4');
    expect(data.keyResults).toHaveLength(5);
    expect(sidebar?.html).not.toMatch(/<script[^>]+src=/);
    expect(
      sidebar?.html.match(/https?:\/\/[^\s"')]+/g)?.filter((u) => !u.startsWith('http://www.w3.org')),
    ).toEqual(['https://ssl.gstatic.com/docs/script/css/add-ons1.css']);
  });

  it('escapes what users typed so it cannot end the data script', () => {
    const { wb, run, okrs } = okrWorkbook();
    okrs.getRange('B2').setValue('</script><script>alert(1)</script>');
    run('menuCheckIn');
    const html = wb.ui.lastSidebar()?.html ?? '';
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script\\u003e');
  });
});
