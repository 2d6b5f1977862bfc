import { lastAlert, NOW, openAddon, values } from '../support/addon';
import { loadBundle } from '../support/bundle';

function withExamples() {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  return addon;
}

describe('key results that track a KPI', () => {
  it('take their current value from the KPI on Refresh', () => {
    const { wb, run } = withExamples();
    // "Keep on-time delivery at 98% or better" follows the KPI "On-time delivery".
    wb.sheet('KPIs').getRange('I2').setValue(0.985);
    run('menuRefresh');
    const row = values(wb, 'OKRs', 'A3:M3')[0] ?? [];
    expect(row[9]).toBe('On-time delivery');
    expect(row[6]).toBe(0.985);
    expect(row[12]).toBe(1);
  });

  it('report a link to a KPI that does not exist', () => {
    const { wb, run } = withExamples();
    wb.sheet('OKRs').getRange('J4').setValue('Revenue');
    run('menuRefresh');
    expect(lastAlert(wb)).toMatch(/OKRs row 4: linked KPI "Revenue" was not found in any KPI table/);
  });
});

function close(addon: ReturnType<typeof withExamples>, carry: string) {
  addon.wb.ui.respond({ button: 'YES' }, { button: 'OK', text: carry });
  addon.run('menuCloseCycle');
}

describe('Close cycle', () => {
  it('archives final scores, then starts the next cycle with the unfinished key results carried over', () => {
    const addon = withExamples();
    const { wb, run } = addon;
    const ids = values(wb, 'OKRs', 'U2:U6').flat();
    run('sidebarSubmitCheckIn', { krId: ids[4], value: true, confidence: '9', comment: 'Shipped!' });
    run('sidebarSubmitCheckIn', { krId: ids[3], value: '800', confidence: '7', comment: 'Close' });
    close(addon, '');
    expect(wb.ui.alerts.at(-2)?.message).toMatch(
      /5 key results \(1 done\).*"Archive 2026 Q4".*2027 Q1 starts \(2027-01-01 to 2027-03-31\)/s,
    );
    const archive = values(wb, 'Archive 2026 Q4', 'A1:J6');
    expect(archive[0]).toEqual([
      'Objective',
      'Key result',
      'Owner',
      'Final score',
      'Grade',
      'Final status',
      'Last confidence',
      'Last comment',
      'KR ID',
      'Cycle',
    ]);
    const users = archive.find((r) => r[8] === ids[3]) ?? [];
    expect(users.slice(3, 10)).toEqual([0.8, 'green', 'On track', 7, 'Close', ids[3], '2026 Q4']);
    const launch = archive.find((r) => r[8] === ids[4]) ?? [];
    expect(launch.slice(3, 8)).toEqual([1, 'green', 'Done', 9, 'Shipped!']);

    // The done milestone is not carried; the four others keep their IDs and start from where they ended.
    const okrs = values(wb, 'OKRs', 'A2:U6');
    expect(okrs.map((r) => r[20])).toEqual([ids[0], ids[1], ids[2], ids[3], '']);
    const carriedUsers = okrs.find((r) => r[20] === ids[3]) ?? [];
    expect(carriedUsers.slice(4, 7)).toEqual([800, 1000, '']);
    expect(okrs[4]?.slice(0, 7)).toEqual(['', '', '', '', '', '', '']);
    expect(wb.spreadsheet.getRangeByName('CycleName')?.getValue()).toBe('2027 Q1');
    expect(wb.spreadsheet.getRangeByName('CycleStart')?.getValue()).toEqual(new Date(2027, 0, 1));
    // The check-in log is kept.
    expect(values(wb, 'Check-ins', 'F2:F3').flat()).toEqual(['Shipped!', 'Close']);
    expect(lastAlert(wb)).toMatch(
      /2026 Q4 is archived on "Archive 2026 Q4" \(5 key results\)\. 2027 Q1 has started with 4 key results carried over/,
    );
  });

  it('never archives the same cycle twice', () => {
    const addon = withExamples();
    close(addon, 'all');
    const { wb, run } = addon;
    // Put the settings back to the closed cycle, as an undo would: closing again is refused, nothing changes.
    wb.spreadsheet.getRangeByName('CycleName')?.setValue('2026 Q4');
    const before = values(wb, 'OKRs', 'A2:U6');
    run('menuCloseCycle');
    expect(lastAlert(wb)).toBe(
      '2026 Q4 is already archived on the sheet "Archive 2026 Q4": nothing was changed.',
    );
    expect(values(wb, 'OKRs', 'A2:U6')).toEqual(before);
    expect(wb.sheetNames().filter((n) => n.startsWith('Archive'))).toEqual(['Archive 2026 Q4']);
  });

  it('changes nothing when the carry-over answer is not understood, or cancelled', () => {
    const addon = withExamples();
    const { wb } = addon;
    const before = values(wb, 'OKRs', 'A2:U6');
    close(addon, 'some');
    expect(lastAlert(wb)).toBe('"some" is not one of unfinished, all or none. Nothing was changed.');
    wb.ui.respond({ button: 'NO' });
    addon.run('menuCloseCycle');
    expect(values(wb, 'OKRs', 'A2:U6')).toEqual(before);
    expect(wb.sheetNames().some((n) => n.startsWith('Archive'))).toBe(false);
  });

  it('carries nothing over when asked for none, leaving an empty table for the new cycle', () => {
    const addon = withExamples();
    close(addon, 'none');
    expect(
      values(addon.wb, 'OKRs', 'A2:J6')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(
      values(addon.wb, 'Archive 2026 Q4', 'A2:A6')
        .flat()
        .filter((v) => v !== ''),
    ).toHaveLength(5);
  });
});

describe('Close cycle, confirmed twice or early', () => {
  it('two closes confirmed at the same time close the cycle once; the second says it is already closed', () => {
    const first = withExamples();
    const { wb } = first;
    const second = loadBundle(wb.newExecution().globals as unknown as Record<string, unknown>);
    let secondDone = false;
    // The first user's confirmation is open while the second user confirms and closes.
    wb.ui.respondWith((request) => {
      if (request.kind === 'prompt') return { button: 'OK', text: 'all' };
      if (request.title === 'Close 2026 Q4?' && !secondDone) {
        secondDone = true;
        (second.menuCloseCycle as () => void)();
      }
      return request.buttons === 'YES_NO' ? { button: 'YES' } : undefined;
    });
    const ids = values(wb, 'OKRs', 'U2:U6').flat();
    first.run('menuCloseCycle');
    expect(secondDone).toBe(true);
    expect(lastAlert(wb)).toBe(
      '2026 Q4 is already closed: the current cycle is 2027 Q1. Nothing was changed.',
    );
    expect(wb.spreadsheet.getRangeByName('CycleName')?.getValue()).toBe('2027 Q1');
    expect(values(wb, 'Archive 2026 Q4', 'I2:I7').flat()).toEqual([...ids, '']);
    expect(values(wb, 'OKRs', 'U2:U6').flat()).toEqual(ids);
  });

  it('asks explicitly before closing a cycle that has not started, and changes nothing on No', () => {
    const addon = withExamples();
    const { wb } = addon;
    wb.spreadsheet.getRangeByName('CycleName')?.setValue('2027 Q1');
    wb.spreadsheet.getRangeByName('CycleStart')?.setValue(new Date(2027, 0, 1));
    wb.spreadsheet.getRangeByName('CycleEnd')?.setValue(new Date(2027, 2, 31));
    const before = values(wb, 'OKRs', 'A2:U6');
    wb.ui.respond({ button: 'NO' });
    addon.run('menuCloseCycle');
    const asked = wb.ui.alerts.at(-1);
    expect(asked?.title).toBe('Close 2027 Q1 before it has started?');
    expect(asked?.message).toMatch(
      /^2027 Q1 has not started yet: it runs 2027-01-01 to 2027-03-31\. Close it anyway\?/,
    );
    expect(values(wb, 'OKRs', 'A2:U6')).toEqual(before);
    expect(wb.sheetNames().some((n) => n.startsWith('Archive'))).toBe(false);
  });

  it('a close that failed midway is finished by the next click, asking nothing, and says so', () => {
    const addon = withExamples();
    const { wb } = addon;
    const ids = values(wb, 'OKRs', 'U2:U6').flat();
    wb.faults.failCall(2, { method: 'Range.setValues' }); // after the archive, while resetting the rows
    close(addon, 'none');
    expect(lastAlert(wb)).toMatch(/^Something went wrong: Service Spreadsheets failed/);
    expect(wb.properties.document.size).toBe(1); // the recorded close
    const asked = wb.ui.alerts.length + wb.ui.prompts.length;
    addon.run('menuCloseCycle');
    expect(wb.ui.alerts.length + wb.ui.prompts.length).toBe(asked + 1); // the report only
    expect(lastAlert(wb)).toBe(
      'The close of 2026 Q4 had been interrupted; it is now finished. 2026 Q4 is archived on "Archive 2026 Q4" (5 key results). 2027 Q1 has started with 0 key results carried over.',
    );
    expect(values(wb, 'Archive 2026 Q4', 'I2:I7').flat()).toEqual([...ids, '']);
    expect(values(wb, 'OKRs', 'U2:U6').flat()).toEqual(['', '', '', '', '']);
    expect(wb.properties.document.size).toBe(0);
  });

  it('refuses a check-in while a close is unfinished, and takes it once the close is finished', () => {
    const addon = withExamples();
    const { wb } = addon;
    const ids = values(wb, 'OKRs', 'U2:U6').flat();
    wb.faults.failCall(2, { method: 'Range.setValues' });
    close(addon, 'all');
    const logged = values(wb, 'Check-ins', 'A1:G10');
    const checkIn = { krId: ids[3], value: '950', confidence: '8', comment: 'Almost' };
    expect(addon.run('sidebarSubmitCheckIn', checkIn)).toEqual({
      ok: false,
      errors: {
        form: 'Closing 2026 Q4 stopped before it finished. Choose Close cycle… in the add-on menu to finish it, then check in again. Nothing was recorded.',
      },
    });
    expect(values(wb, 'Check-ins', 'A1:G10')).toEqual(logged);
    addon.run('menuCloseCycle');
    expect(addon.run('sidebarSubmitCheckIn', checkIn)).toMatchObject({ ok: true });
    expect(values(wb, 'OKRs', 'G5:I5').flat()).toEqual([950, 1, 8]);
  });
});
