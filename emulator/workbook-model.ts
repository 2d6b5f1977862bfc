/**
 * The document behind the services: its sheets, named ranges, developer metadata and protections, and the
 * structural operations that must keep all of them (and formula references) in step. Every change to
 * content bumps `version`, which invalidates computed formula values (see evaluation.ts).
 */
import type { GridArea } from './a1';
import { FormulaCell } from './cell-input';
import { dropChartRangesOn, moveCharts } from './chart-model';
import type { LocationTypeName, ProtectionTypeName, VisibilityName } from './enums';
import { exception } from './errors';
import { renameSheetInReferences, shiftReferences } from './formula-refs';
import type { FormulaEvaluator } from './formula-types';
import { SheetModel } from './sheet-model';
import { adjustArea, adjustIndex, adjustSpan, type DimensionChange } from './structure';

export interface MetadataEntry {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: VisibilityName;
  locationType: LocationTypeName;
  /** The sheet for SHEET, ROW and COLUMN locations. */
  sheet?: SheetModel;
  /** The row or column number for ROW and COLUMN locations. */
  index?: number;
}

export interface NamedRangeEntry {
  name: string;
  sheet: SheetModel;
  area: GridArea;
}

export interface ProtectionEntry {
  readonly id: number;
  readonly type: ProtectionTypeName;
  readonly sheet: SheetModel;
  area: GridArea;
  description: string;
  warningOnly: boolean;
}

export interface Selection {
  sheet: SheetModel;
  area: GridArea;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly namedRanges = new Map<string, NamedRangeEntry>();
  metadata: MetadataEntry[] = [];
  protections: ProtectionEntry[] = [];
  activeSheet: SheetModel;
  selection: Selection | undefined;
  /** Bumped on every content change; computed values are cached per version. */
  version = 0;
  engine: FormulaEvaluator | undefined;
  /** > 0 while a formula (and so possibly a custom function) is being evaluated. */
  customFunctionDepth = 0;
  /** The cell whose formula is being evaluated: a custom function's active sheet and range. */
  caller: Selection | undefined;
  private nextSheetId = 0;
  private nextId = 1_000;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    public clock: () => Date,
  ) {
    this.activeSheet = this.addSheet('Sheet1', 0);
  }

  /** The active sheet, or inside a custom function the sheet of the calling cell. */
  currentSheet(): SheetModel {
    return this.caller?.sheet ?? this.activeSheet;
  }

  /** The selection (A1 of the active sheet if none), or inside a custom function the calling cell. */
  currentSelection(): Selection {
    if (this.caller) return this.caller;
    const selection = this.selection;
    if (selection && selection.sheet === this.activeSheet) return selection;
    return { sheet: this.activeSheet, area: { row: 1, col: 1, numRows: 1, numCols: 1 } };
  }

  newId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  touch(): void {
    this.version += 1;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  requireSheet(name: string): SheetModel {
    const sheet = this.sheetByName(name);
    if (!sheet) throw exception(`Sheet ${name} not found`);
    return sheet;
  }

  checkSheetName(name: string, except?: SheetModel): void {
    if (name.trim() === '') throw exception('Sheet names cannot be empty.');
    if (name.length > 100) throw exception('Sheet names cannot exceed 100 characters.');
    const clash = this.sheetByName(name);
    if (clash && clash !== except) {
      throw exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  /** Adds a sheet at 0-based `index` (clamped). */
  addSheet(name: string, index: number, rows?: number, cols?: number): SheetModel {
    this.checkSheetName(name);
    const sheet = new SheetModel(
      this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919,
      name,
      rows,
      cols,
    );
    this.nextSheetId += 1;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    this.touch();
    return sheet;
  }

  /** A free default name: Sheet2, Sheet3, ... */
  defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      if (!this.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
    }
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) {
      throw exception("You can't remove all the sheets in a document.");
    }
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw exception('The sheet has been deleted.');
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    this.metadata = this.metadata.filter((m) => m.sheet !== sheet);
    this.protections = this.protections.filter((p) => p.sheet !== sheet);
    for (const [key, entry] of this.namedRanges) if (entry.sheet === sheet) this.namedRanges.delete(key);
    dropChartRangesOn(this.sheets, sheet);
    if (this.activeSheet === sheet)
      this.activeSheet = this.sheets[Math.max(0, index - 1)] ?? this.sheets[0] ?? sheet;
    if (this.selection?.sheet === sheet) this.selection = undefined;
    this.touch();
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((text) => renameSheetInReferences(text, old, name));
    this.touch();
  }

  /** Applies `rewrite` to every formula in the workbook (cells and conditional format rules). */
  private rewriteFormulas(rewrite: (text: string, onSheet: SheetModel) => string): void {
    for (const sheet of this.sheets) {
      const changes: { row: number; col: number; text: string }[] = [];
      for (const { row, col, cell } of sheet.formulas()) {
        const text = rewrite(cell.text, sheet);
        if (text !== cell.text) changes.push({ row, col, text });
      }
      for (const { row, col, text } of changes) sheet.content.set(row, col, new FormulaCell(text));
      if (changes.length) sheet.formulaIndex = null;
      sheet.rules = sheet.rules.map((rule) =>
        rule.criteria === 'CUSTOM_FORMULA' && typeof rule.values[0] === 'string'
          ? { ...rule, values: [rewrite(rule.values[0], sheet)] }
          : rule,
      );
    }
  }

  /** Inserts or deletes rows or columns of `sheet`, moving everything anchored to them. */
  changeDimension(sheet: SheetModel, change: DimensionChange): void {
    const { at, count } = change;
    // Rows or columns added past the end move nothing: no reference, range or metadata lies there.
    const atEnd = change.kind === 'insert' && at > (change.dim === 'rows' ? sheet.maxRows : sheet.maxCols);
    if (change.dim === 'rows') {
      if (change.kind === 'insert') {
        sheet.content.insertRows(at, count);
        sheet.props.insertRows(at, count);
        sheet.maxRows += count;
      } else {
        sheet.content.deleteRows(at, count);
        sheet.props.deleteRows(at, count);
        sheet.maxRows -= count;
      }
      sheet.frozenRows = frozenAfter(sheet.frozenRows, change);
    } else {
      if (change.kind === 'insert') {
        sheet.content.insertColumns(at, count);
        sheet.props.insertColumns(at, count);
        sheet.maxCols += count;
      } else {
        sheet.content.deleteColumns(at, count);
        sheet.props.deleteColumns(at, count);
        sheet.maxCols -= count;
      }
      sheet.frozenColumns = frozenAfter(sheet.frozenColumns, change);
      moveKeys(sheet.columnWidths, change);
      moveSet(sheet.hiddenColumns, change);
    }
    if (change.dim === 'rows') moveSet(sheet.hiddenRows, change);
    if (atEnd) {
      this.touch();
      return;
    }
    sheet.formulaIndex = null;
    this.rewriteFormulas((text, onSheet) => shiftReferences(text, onSheet.name, sheet.name, change));
    sheet.rules = sheet.rules
      .map((rule) => ({ ...rule, ranges: rule.ranges.flatMap((area) => adjustArea(area, change) ?? []) }))
      .filter((rule) => rule.ranges.length > 0);
    this.moveMetadata(sheet, change);
    moveCharts(this.sheets, sheet, change);
    for (const [key, entry] of this.namedRanges) {
      if (entry.sheet !== sheet) continue;
      const area = adjustArea(entry.area, change);
      if (area) entry.area = area;
      else this.namedRanges.delete(key);
    }
    this.protections = this.protections.filter((p) => {
      if (p.sheet !== sheet || p.type === 'SHEET') return true;
      const area = adjustArea(p.area, change);
      if (area) p.area = area;
      return area !== undefined;
    });
    if (this.selection?.sheet === sheet) {
      const area = adjustArea(this.selection.area, change);
      this.selection = area && { sheet, area };
    }
    this.touch();
  }

  private moveMetadata(sheet: SheetModel, change: DimensionChange): void {
    const type = change.dim === 'rows' ? 'ROW' : 'COLUMN';
    this.metadata = this.metadata.filter((m) => {
      if (m.sheet !== sheet || m.locationType !== type || m.index === undefined) return true;
      const index = adjustIndex(m.index, change);
      if (index === undefined) return false;
      m.index = index;
      return true;
    });
  }

  /**
   * Reorders whole rows `first..first+order.length-1` (Sheet.sort): new row i is old row order[i]. Row
   * metadata travels with its row; formulas keep pointing at the same relative cells, as after a move.
   */
  permuteRows(sheet: SheetModel, first: number, order: readonly number[]): void {
    const engine = this.engine;
    order.forEach((from, i) => {
      const to = first + i;
      if (from === to || !engine) return;
      sheet.content.row(from)?.forEach((value, c) => {
        if (value instanceof FormulaCell) {
          sheet.content.set(from, c + 1, new FormulaCell(engine.shift(value.text, to - from, 0)));
        }
      });
    });
    sheet.content.permuteRows(order, first);
    sheet.props.permuteRows(order, first);
    const newIndex = new Map<number, number>();
    order.forEach((from, i) => {
      newIndex.set(from, first + i);
    });
    for (const m of this.metadata) {
      if (m.sheet === sheet && m.locationType === 'ROW' && m.index !== undefined) {
        m.index = newIndex.get(m.index) ?? m.index;
      }
    }
    sheet.formulaIndex = null;
    this.touch();
  }
}

function frozenAfter(frozen: number, change: DimensionChange): number {
  if (frozen === 0) return 0;
  if (change.kind === 'insert') return change.at <= frozen ? frozen + change.count : frozen;
  return adjustSpan(1, frozen, change)?.length ?? 0;
}

function moveKeys<V>(map: Map<number, V>, change: DimensionChange): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [index, value] of entries) {
    const moved = adjustIndex(index, change);
    if (moved !== undefined) map.set(moved, value);
  }
}

function moveSet(set: Set<number>, change: DimensionChange): void {
  const indexes = [...set];
  set.clear();
  for (const index of indexes) {
    const moved = adjustIndex(index, change);
    if (moved !== undefined) set.add(moved);
  }
}
