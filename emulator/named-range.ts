/**
 * Named ranges and protections, both anchored to an area of a sheet that moves when rows or columns are
 * inserted or deleted (see WorkbookModel.changeDimension).
 */

import type { GridArea } from './a1';
import { parseA1 } from './a1';
import { asNamedRange, asProtection, asRange, rangeImpl } from './boundary';
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import { ProtectionType, type ProtectionTypeName } from './enums';
import { exception } from './errors';
import { EmRange } from './range';
import type { SheetModel } from './sheet-model';
import type { NamedRangeEntry, ProtectionEntry, WorkbookModel } from './workbook-model';

import SS = GoogleAppsScript.Spreadsheet;

/** Sheets' naming rule: letters, digits, underscores; not a number first, not a cell reference, not TRUE/FALSE. */
export function checkRangeName(name: string): void {
  const valid =
    /^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name) &&
    !/^(true|false)$/i.test(name) &&
    parseA1(name) === undefined;
  if (!valid) throw exception(`Invalid named range name: ${name}`);
}

export function setNamedRange(wb: WorkbookModel, name: string, range: EmRange): void {
  checkRangeName(name);
  wb.namedRanges.set(name.toLowerCase(), { name, sheet: range.sheet, area: { ...range.area } });
  wb.touch();
}

type NamedRangeMethods = 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange';

export class EmNamedRange implements Pick<SS.NamedRange, NamedRangeMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    private readonly entry: NamedRangeEntry,
  ) {
    this[GUARD] = exec;
  }

  getName(): string {
    return this.entry.name;
  }
  getRange(): SS.Range {
    return asRange(new EmRange(this.exec, this.entry.sheet, { ...this.entry.area }));
  }
  remove(): void {
    const wb = this.exec.wb;
    wb.namedRanges.delete(this.entry.name.toLowerCase());
    wb.touch();
  }
  setName(name: string): SS.NamedRange {
    checkRangeName(name);
    const wb = this.exec.wb;
    const clash = wb.namedRanges.get(name.toLowerCase());
    if (clash && clash !== this.entry)
      throw exception(`A named range with the name "${name}" already exists.`);
    wb.namedRanges.delete(this.entry.name.toLowerCase());
    this.entry.name = name;
    wb.namedRanges.set(name.toLowerCase(), this.entry);
    wb.touch();
    return asNamedRange(this);
  }
  setRange(range: SS.Range): SS.NamedRange {
    const impl = rangeImpl(range);
    this.entry.sheet = impl.sheet;
    this.entry.area = { ...impl.area };
    this.exec.wb.touch();
    return asNamedRange(this);
  }
}

type ProtectionMethods =
  | 'canEdit'
  | 'getDescription'
  | 'getProtectionType'
  | 'getRange'
  | 'isWarningOnly'
  | 'remove'
  | 'setDescription'
  | 'setWarningOnly';

export class EmProtection implements Pick<SS.Protection, ProtectionMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    private readonly entry: ProtectionEntry,
  ) {
    this[GUARD] = exec;
  }

  static create(exec: Execution, type: ProtectionTypeName, sheet: SheetModel, area?: GridArea): EmProtection {
    const wb = exec.wb;
    const entry: ProtectionEntry = {
      id: wb.newId(),
      type,
      sheet,
      area: area ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols },
      description: '',
      warningOnly: false,
    };
    wb.protections.push(entry);
    return new EmProtection(exec, entry);
  }

  /** The editing user owns the document here, so every protection is editable by them. */
  canEdit(): boolean {
    return true;
  }
  getDescription(): string {
    return this.entry.description;
  }
  getProtectionType(): SS.ProtectionType {
    return ProtectionType[this.entry.type];
  }
  getRange(): SS.Range {
    const { sheet, type, area } = this.entry;
    if (type === 'SHEET') {
      return asRange(
        new EmRange(this.exec, sheet, { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols }),
      );
    }
    return asRange(new EmRange(this.exec, sheet, { ...area }));
  }
  isWarningOnly(): boolean {
    return this.entry.warningOnly;
  }
  remove(): void {
    const wb = this.exec.wb;
    wb.protections = wb.protections.filter((p) => p !== this.entry);
  }
  setDescription(description: string): SS.Protection {
    this.entry.description = String(description);
    return asProtection(this);
  }
  setWarningOnly(warningOnly: boolean): SS.Protection {
    this.entry.warningOnly = warningOnly;
    return asProtection(this);
  }
}

export function protectionsOf(
  exec: Execution,
  type: ProtectionTypeName,
  sheet?: SheetModel,
): SS.Protection[] {
  return exec.wb.protections
    .filter((p) => p.type === type && (!sheet || p.sheet === sheet))
    .map((p) => asProtection(new EmProtection(exec, p)));
}

instrument(EmNamedRange, 'NamedRange');
instrument(EmProtection, 'Protection');
