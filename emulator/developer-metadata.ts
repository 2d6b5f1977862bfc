/**
 * Developer metadata: key/value pairs on the spreadsheet, a sheet, a whole row or a whole column. Row and
 * column metadata move with their row or column (see WorkbookModel.changeDimension and permuteRows).
 */
import {
  asMetadata,
  asMetadataFinder,
  asMetadataLocation,
  asRange,
  asSheet,
  asSpreadsheet,
  rangeImpl,
  sheetImpl,
} from './boundary';
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  enumName,
  type LocationTypeName,
  type VisibilityName,
} from './enums';
import { exception } from './errors';
import { EmRange } from './range';
import { EmSheet } from './sheet';
import type { SheetModel } from './sheet-model';
import { EmSpreadsheet } from './spreadsheet';
import type { MetadataEntry, WorkbookModel } from './workbook-model';

import SS = GoogleAppsScript.Spreadsheet;

export type MetadataLocation =
  | { readonly type: 'SPREADSHEET' }
  | { readonly type: 'SHEET'; readonly sheet: SheetModel }
  | { readonly type: 'ROW' | 'COLUMN'; readonly sheet: SheetModel; readonly index: number };

const PARTIAL_RANGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be ' +
  'added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** The row or column a range stands for; throws for any other range, as Sheets does. */
export function dimensionLocation(range: EmRange): MetadataLocation {
  const { sheet, area } = range;
  const wholeRow = area.numRows === 1 && area.col === 1 && area.numCols === sheet.maxCols;
  const wholeColumn = area.numCols === 1 && area.row === 1 && area.numRows === sheet.maxRows;
  if (wholeRow && (range.openCols || !wholeColumn)) return { type: 'ROW', sheet, index: area.row };
  if (wholeColumn) return { type: 'COLUMN', sheet, index: area.col };
  throw exception(PARTIAL_RANGE);
}

function isVisibility(value: unknown): value is VisibilityName {
  return value === 'DOCUMENT' || value === 'PROJECT';
}

/** addDeveloperMetadata(key[, value | visibility][, visibility]) on any location. */
export function addMetadata(
  wb: WorkbookModel,
  location: MetadataLocation,
  key: string,
  valueOrVisibility?: unknown,
  visibility?: unknown,
): void {
  if (typeof key !== 'string' || key === '') throw exception('Invalid argument: key');
  let value: string | null = null;
  let vis: VisibilityName = 'DOCUMENT';
  if (visibility !== undefined) {
    value = valueOrVisibility == null ? null : String(valueOrVisibility);
    vis = isVisibility(enumName(visibility)) ? (enumName(visibility) as VisibilityName) : 'DOCUMENT';
  } else if (isVisibility(valueOrVisibility)) {
    vis = valueOrVisibility;
  } else if (valueOrVisibility !== undefined && valueOrVisibility !== null) {
    value = String(valueOrVisibility);
  }
  const entry: MetadataEntry = { id: wb.newId(), key, value, visibility: vis, locationType: location.type };
  if (location.type !== 'SPREADSHEET') entry.sheet = location.sheet;
  if (location.type === 'ROW' || location.type === 'COLUMN') entry.index = location.index;
  wb.metadata.push(entry);
}

/** Metadata sitting exactly on the row or column a range stands for (none for other ranges). */
export function metadataAt(range: EmRange): EmDeveloperMetadata[] {
  let location: MetadataLocation;
  try {
    location = dimensionLocation(range);
  } catch {
    return [];
  }
  if (location.type !== 'ROW' && location.type !== 'COLUMN') return [];
  return range.exec.wb.metadata
    .filter(
      (m) => m.sheet === location.sheet && m.locationType === location.type && m.index === location.index,
    )
    .map((m) => new EmDeveloperMetadata(range.exec, m));
}

/** Metadata on one sheet (its SHEET-level entries) or the spreadsheet (SPREADSHEET-level). */
export function metadataOn(exec: Execution, sheet: SheetModel | undefined): SS.DeveloperMetadata[] {
  return exec.wb.metadata
    .filter((m) =>
      sheet ? m.locationType === 'SHEET' && m.sheet === sheet : m.locationType === 'SPREADSHEET',
    )
    .map((m) => asMetadata(new EmDeveloperMetadata(exec, m)));
}

type MetadataMethods =
  | 'getId'
  | 'getKey'
  | 'getValue'
  | 'getVisibility'
  | 'getLocation'
  | 'setKey'
  | 'setValue'
  | 'setVisibility'
  | 'remove'
  | 'moveToColumn'
  | 'moveToRow'
  | 'moveToSheet'
  | 'moveToSpreadsheet';

export class EmDeveloperMetadata implements Pick<SS.DeveloperMetadata, MetadataMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    private readonly entry: MetadataEntry,
  ) {
    this[GUARD] = exec;
  }

  private _live(): MetadataEntry {
    if (!this.exec.wb.metadata.includes(this.entry))
      throw exception('The developer metadata has been removed.');
    return this.entry;
  }

  getId(): number {
    return this.entry.id;
  }
  getKey(): string {
    return this._live().key;
  }
  getValue(): string | null {
    return this._live().value;
  }
  getVisibility(): SS.DeveloperMetadataVisibility {
    return DeveloperMetadataVisibility[this._live().visibility];
  }
  getLocation(): SS.DeveloperMetadataLocation {
    return asMetadataLocation(new EmDeveloperMetadataLocation(this.exec, { ...this._live() }));
  }
  setKey(key: string): SS.DeveloperMetadata {
    if (!key) throw exception('Invalid argument: key');
    this._live().key = key;
    return asMetadata(this);
  }
  setValue(value: string): SS.DeveloperMetadata {
    this._live().value = value == null ? null : String(value);
    return asMetadata(this);
  }
  setVisibility(visibility: SS.DeveloperMetadataVisibility): SS.DeveloperMetadata {
    const name = enumName(visibility);
    if (!isVisibility(name)) throw exception('Invalid argument: visibility');
    this._live().visibility = name;
    return asMetadata(this);
  }
  remove(): void {
    const wb = this.exec.wb;
    wb.metadata = wb.metadata.filter((m) => m !== this.entry);
  }
  private _moveTo(location: MetadataLocation): SS.DeveloperMetadata {
    const entry = this._live();
    entry.locationType = location.type;
    entry.sheet = location.type === 'SPREADSHEET' ? undefined : location.sheet;
    entry.index = location.type === 'ROW' || location.type === 'COLUMN' ? location.index : undefined;
    return asMetadata(this);
  }
  moveToColumn(column: SS.Range): SS.DeveloperMetadata {
    const location = dimensionLocation(rangeImpl(column));
    if (location.type !== 'COLUMN') throw exception('The range must be a whole column.');
    return this._moveTo(location);
  }
  moveToRow(row: SS.Range): SS.DeveloperMetadata {
    const location = dimensionLocation(rangeImpl(row));
    if (location.type !== 'ROW') throw exception('The range must be a whole row.');
    return this._moveTo(location);
  }
  moveToSheet(sheet: SS.Sheet): SS.DeveloperMetadata {
    return this._moveTo({ type: 'SHEET', sheet: sheetImpl(sheet).model });
  }
  moveToSpreadsheet(): SS.DeveloperMetadata {
    return this._moveTo({ type: 'SPREADSHEET' });
  }
}

type LocationMethods = 'getLocationType' | 'getRow' | 'getColumn' | 'getSheet' | 'getSpreadsheet';

/** Where a metadata sat when getLocation() was called. */
export class EmDeveloperMetadataLocation implements Pick<SS.DeveloperMetadataLocation, LocationMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    private readonly at: Readonly<MetadataEntry>,
  ) {
    this[GUARD] = exec;
  }

  getLocationType(): SS.DeveloperMetadataLocationType {
    return DeveloperMetadataLocationType[this.at.locationType];
  }
  /** The whole row, for ROW metadata. */
  getRow(): SS.Range | null {
    const { sheet, index } = this.at;
    if (this.at.locationType !== 'ROW' || !sheet || index === undefined) return null;
    return asRange(
      new EmRange(this.exec, sheet, { row: index, col: 1, numRows: 1, numCols: sheet.maxCols }, false, true),
    );
  }
  /** The whole column, for COLUMN metadata. */
  getColumn(): SS.Range | null {
    const { sheet, index } = this.at;
    if (this.at.locationType !== 'COLUMN' || !sheet || index === undefined) return null;
    return asRange(
      new EmRange(this.exec, sheet, { row: 1, col: index, numRows: sheet.maxRows, numCols: 1 }, true, false),
    );
  }
  /** The sheet, for SHEET metadata (null for rows and columns, as documented). */
  getSheet(): SS.Sheet | null {
    const sheet = this.at.sheet;
    return this.at.locationType === 'SHEET' && sheet ? asSheet(new EmSheet(this.exec, sheet)) : null;
  }
  getSpreadsheet(): SS.Spreadsheet | null {
    return this.at.locationType === 'SPREADSHEET' ? asSpreadsheet(new EmSpreadsheet(this.exec)) : null;
  }
}

export type FinderScope =
  | { readonly kind: 'spreadsheet' }
  | { readonly kind: 'sheet'; readonly sheet: SheetModel }
  | { readonly kind: 'range'; readonly range: EmRange };

type FinderMethods =
  | 'find'
  | 'onIntersectingLocations'
  | 'withId'
  | 'withKey'
  | 'withLocationType'
  | 'withValue'
  | 'withVisibility';

export class EmDeveloperMetadataFinder implements Pick<SS.DeveloperMetadataFinder, FinderMethods> {
  readonly [GUARD]: Execution;
  private readonly filters: ((m: MetadataEntry) => boolean)[] = [];
  private intersecting = false;

  constructor(
    private readonly exec: Execution,
    private readonly scope: FinderScope,
  ) {
    this[GUARD] = exec;
  }

  private _add(filter: (m: MetadataEntry) => boolean): SS.DeveloperMetadataFinder {
    this.filters.push(filter);
    return asMetadataFinder(this);
  }

  withId(id: number): SS.DeveloperMetadataFinder {
    return this._add((m) => m.id === id);
  }
  withKey(key: string): SS.DeveloperMetadataFinder {
    return this._add((m) => m.key === key);
  }
  withValue(value: string): SS.DeveloperMetadataFinder {
    return this._add((m) => m.value === value);
  }
  withLocationType(locationType: SS.DeveloperMetadataLocationType): SS.DeveloperMetadataFinder {
    const name = enumName(locationType) as LocationTypeName;
    return this._add((m) => m.locationType === name);
  }
  withVisibility(visibility: SS.DeveloperMetadataVisibility): SS.DeveloperMetadataFinder {
    const name = enumName(visibility);
    return this._add((m) => m.visibility === name);
  }
  onIntersectingLocations(): SS.DeveloperMetadataFinder {
    this.intersecting = true;
    return asMetadataFinder(this);
  }

  private _inScope(m: MetadataEntry): boolean {
    const scope = this.scope;
    if (scope.kind === 'spreadsheet') return true;
    if (scope.kind === 'sheet') return m.sheet === scope.sheet;
    const { sheet, area } = scope.range;
    if (m.sheet !== sheet || m.index === undefined) return false;
    const spansColumns = area.col === 1 && area.numCols === sheet.maxCols;
    const spansRows = area.row === 1 && area.numRows === sheet.maxRows;
    if (m.locationType === 'ROW') {
      const inRows = m.index >= area.row && m.index < area.row + area.numRows;
      return inRows && (this.intersecting || spansColumns);
    }
    if (m.locationType === 'COLUMN') {
      const inCols = m.index >= area.col && m.index < area.col + area.numCols;
      return inCols && (this.intersecting || spansRows);
    }
    return false;
  }

  find(): SS.DeveloperMetadata[] {
    return this.exec.wb.metadata
      .filter((m) => this._inScope(m) && this.filters.every((f) => f(m)))
      .map((m) => asMetadata(new EmDeveloperMetadata(this.exec, m)));
  }
}

instrument(EmDeveloperMetadata, 'DeveloperMetadata');
instrument(EmDeveloperMetadataLocation, 'DeveloperMetadataLocation');
instrument(EmDeveloperMetadataFinder, 'DeveloperMetadataFinder');
