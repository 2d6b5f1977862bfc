/**
 * Embedded charts: Sheet.newChart() gives an EmbeddedChartBuilder, build() an EmbeddedChart that
 * Sheet.insertChart stores on the sheet (chart-model.ts); getCharts() reads them back, modify() and
 * updateChart change one, removeChart deletes it. One builder class serves as the typed builders
 * (asBarChart(), asPieChart(), ...): their setters write the chart's options under the names Google
 * Charts reads ('title', 'colors', 'isStacked', 'legend.position', ...).
 */
import {
  asChartOptions,
  asContainerInfo,
  asEmbeddedChart,
  asRange,
  asTypedChartBuilder,
  rangeImpl,
} from './boundary';
import { GUARD, instrument } from './calls';
import { type ChartAnchor, type ChartSpec, DEFAULT_CHART, type StoredChart } from './chart-model';
import type { Execution } from './context';
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  CurveStyle,
  enumName,
  PointStyle,
  Position,
} from './enums';
import { exception } from './errors';
import { EmRange } from './range';
import type { SheetModel } from './sheet-model';

import SS = GoogleAppsScript.Spreadsheet;
import Charts = GoogleAppsScript.Charts;

/** The Charts global: its enums (its own chart builders make standalone charts, which Sheets has no use for). */
export type ChartsService = Pick<
  Charts.Charts,
  | 'ChartType'
  | 'ChartMergeStrategy'
  | 'ChartHiddenDimensionStrategy'
  | 'Position'
  | 'CurveStyle'
  | 'PointStyle'
>;

export const CHARTS_SERVICE: ChartsService = Object.freeze({
  ChartType,
  ChartMergeStrategy,
  ChartHiddenDimensionStrategy,
  Position,
  CurveStyle,
  PointStyle,
});

/** What every typed builder is: the one class below, seen as whichever type the script asked for. */
export type TypedChartBuilder = SS.EmbeddedAreaChartBuilder &
  SS.EmbeddedBarChartBuilder &
  SS.EmbeddedColumnChartBuilder &
  SS.EmbeddedLineChartBuilder &
  SS.EmbeddedPieChartBuilder;

type BuilderMethods =
  | 'addRange'
  | 'asAreaChart'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getContainer'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setHiddenDimensionStrategy'
  | 'setMergeStrategy'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'setTransposeRowsAndColumns';

type AxisChartMethods =
  | 'setBackgroundColor'
  | 'setColors'
  | 'setLegendPosition'
  | 'setRange'
  | 'setStacked'
  | 'setTitle'
  | 'setXAxisTitle'
  | 'setYAxisTitle';

/** Option names that only some chart types take, as the typed builders offer them. */
const STACKABLE = new Set(['AREA', 'BAR', 'COLUMN']);

function isInteger(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

function enumMember<E>(members: E, name: string): E[keyof E] {
  return members[name as keyof E];
}

export class EmEmbeddedChartBuilder
  implements
    Pick<SS.EmbeddedChartBuilder, BuilderMethods>,
    Pick<SS.EmbeddedBarChartBuilder, AxisChartMethods>,
    Pick<SS.EmbeddedPieChartBuilder, 'set3D'>,
    Pick<SS.EmbeddedLineChartBuilder, 'setCurveStyle'>
{
  readonly [GUARD]: Execution;
  private spec: ChartSpec;

  constructor(
    private readonly exec: Execution,
    private readonly sheet: SheetModel,
    from: ChartSpec = DEFAULT_CHART,
    private readonly chartId: number | null = null,
  ) {
    this[GUARD] = exec;
    this.spec = from;
  }

  private _set(change: Partial<ChartSpec>): TypedChartBuilder {
    this.spec = { ...this.spec, ...change };
    return asTypedChartBuilder(this);
  }

  private _option(name: string, value: unknown): TypedChartBuilder {
    return this._set({ options: { ...this.spec.options, [name]: value } });
  }

  private _as(type: string): TypedChartBuilder {
    return this._set({ type });
  }

  addRange(range: SS.Range): SS.EmbeddedChartBuilder {
    const { sheet, area } = rangeImpl(range);
    return this._set({ ranges: [...this.spec.ranges, { sheet, area: { ...area } }] });
  }
  removeRange(range: SS.Range): SS.EmbeddedChartBuilder {
    const { sheet, area } = rangeImpl(range);
    const same = (r: ChartSpec['ranges'][number]) =>
      r.sheet === sheet &&
      r.area.row === area.row &&
      r.area.col === area.col &&
      r.area.numRows === area.numRows &&
      r.area.numCols === area.numCols;
    return this._set({ ranges: this.spec.ranges.filter((r) => !same(r)) });
  }
  clearRanges(): SS.EmbeddedChartBuilder {
    return this._set({ ranges: [] });
  }
  getRanges(): SS.Range[] {
    return rangesOf(this.exec, this.spec);
  }
  getChartType(): Charts.ChartType {
    return enumMember(ChartType, this.spec.type);
  }
  getContainer(): SS.ContainerInfo {
    return asContainerInfo(new EmContainerInfo(this.exec, this.spec.anchor));
  }
  setChartType(type: Charts.ChartType): SS.EmbeddedChartBuilder {
    const name = enumName(type);
    if (!(name in ChartType)) throw exception(`Invalid argument: type (${name})`);
    return this._as(name);
  }
  asAreaChart(): SS.EmbeddedAreaChartBuilder {
    return this._as('AREA');
  }
  asBarChart(): SS.EmbeddedBarChartBuilder {
    return this._as('BAR');
  }
  asColumnChart(): SS.EmbeddedColumnChartBuilder {
    return this._as('COLUMN');
  }
  asLineChart(): SS.EmbeddedLineChartBuilder {
    return this._as('LINE');
  }
  asPieChart(): SS.EmbeddedPieChartBuilder {
    return this._as('PIE');
  }
  setOption(option: string, value: unknown): SS.EmbeddedChartBuilder {
    return this._option(String(option), value);
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): SS.EmbeddedChartBuilder {
    if (!isInteger(anchorRowPos, 1) || !isInteger(anchorColPos, 1))
      throw exception(
        `Invalid argument: the anchor (${anchorRowPos}, ${anchorColPos}) must be a row and a column from 1.`,
      );
    if (!isInteger(offsetX, 0) || !isInteger(offsetY, 0))
      throw exception(`Invalid argument: the offsets (${offsetX}, ${offsetY}) must be whole pixels from 0.`);
    return this._set({ anchor: { row: anchorRowPos, col: anchorColPos, offsetX, offsetY } });
  }
  setNumHeaders(headers: number): SS.EmbeddedChartBuilder {
    if (!isInteger(headers, -1)) throw exception(`Invalid argument: headers (${headers})`);
    return this._set({ numHeaders: headers });
  }
  setTransposeRowsAndColumns(transpose: boolean): SS.EmbeddedChartBuilder {
    return this._set({ transpose: Boolean(transpose) });
  }
  setMergeStrategy(mergeStrategy: Charts.ChartMergeStrategy): SS.EmbeddedChartBuilder {
    return this._set({ mergeStrategy: enumName(mergeStrategy) });
  }
  setHiddenDimensionStrategy(strategy: Charts.ChartHiddenDimensionStrategy): SS.EmbeddedChartBuilder {
    return this._set({ hiddenDimensionStrategy: enumName(strategy) });
  }

  // The typed builders' setters.
  setTitle(chartTitle: string): TypedChartBuilder {
    return this._option('title', String(chartTitle));
  }
  setColors(cssValues: string[]): TypedChartBuilder {
    return this._option('colors', [...cssValues].map(String));
  }
  setLegendPosition(position: Charts.Position): TypedChartBuilder {
    return this._option('legend.position', enumName(position).toLowerCase());
  }
  setBackgroundColor(cssValue: string): TypedChartBuilder {
    return this._option('backgroundColor', String(cssValue));
  }
  setStacked(): TypedChartBuilder {
    if (!STACKABLE.has(this.spec.type))
      throw exception(`setStacked is not available for a ${this.spec.type} chart.`);
    return this._option('isStacked', true);
  }
  /** The value axis' range: horizontal for bar charts, vertical for the others. */
  setRange(start: number, end: number): TypedChartBuilder {
    const axis = this.spec.type === 'BAR' ? 'hAxis' : 'vAxis';
    this._option(`${axis}.viewWindow.min`, start);
    return this._option(`${axis}.viewWindow.max`, end);
  }
  setXAxisTitle(title: string): TypedChartBuilder {
    return this._option('hAxis.title', String(title));
  }
  setYAxisTitle(title: string): TypedChartBuilder {
    return this._option('vAxis.title', String(title));
  }
  set3D(): TypedChartBuilder {
    return this._option('is3D', true);
  }
  setCurveStyle(style: Charts.CurveStyle): TypedChartBuilder {
    return this._option('curveType', enumName(style) === 'SMOOTH' ? 'function' : 'none');
  }

  build(): SS.EmbeddedChart {
    return asEmbeddedChart(new EmEmbeddedChart(this.exec, this.sheet, this.spec, this.chartId));
  }
}

function rangesOf(exec: Execution, spec: ChartSpec): SS.Range[] {
  return spec.ranges.map((r) => asRange(new EmRange(exec, r.sheet, { ...r.area })));
}

type ChartMethods =
  | 'getChartId'
  | 'getContainerInfo'
  | 'getHiddenDimensionStrategy'
  | 'getMergeStrategy'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify';

/** A chart as built or as read back: a snapshot; getChartId is null until it is inserted. */
export class EmEmbeddedChart implements Pick<SS.EmbeddedChart, ChartMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    /** The sheet whose newChart() or getCharts() made it. */
    readonly sheet: SheetModel,
    readonly spec: ChartSpec,
    public id: number | null,
  ) {
    this[GUARD] = exec;
  }

  getChartId(): number | null {
    return this.id;
  }
  getContainerInfo(): SS.ContainerInfo {
    return asContainerInfo(new EmContainerInfo(this.exec, this.spec.anchor));
  }
  getHiddenDimensionStrategy(): Charts.ChartHiddenDimensionStrategy {
    return enumMember(ChartHiddenDimensionStrategy, this.spec.hiddenDimensionStrategy);
  }
  getMergeStrategy(): Charts.ChartMergeStrategy {
    return enumMember(ChartMergeStrategy, this.spec.mergeStrategy);
  }
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }
  getOptions(): Charts.ChartOptions {
    return asChartOptions(new EmChartOptions(this.exec, this.spec.options));
  }
  getRanges(): SS.Range[] {
    return rangesOf(this.exec, this.spec);
  }
  getTransposeRowsAndColumns(): boolean {
    return this.spec.transpose;
  }
  modify(): SS.EmbeddedChartBuilder {
    return asTypedChartBuilder(new EmEmbeddedChartBuilder(this.exec, this.sheet, this.spec, this.id));
  }
}

export class EmContainerInfo implements SS.ContainerInfo {
  readonly [GUARD]: Execution;

  constructor(
    exec: Execution,
    private readonly anchor: ChartAnchor,
  ) {
    this[GUARD] = exec;
  }

  getAnchorColumn(): number {
    return this.anchor.col;
  }
  getAnchorRow(): number {
    return this.anchor.row;
  }
  getOffsetX(): number {
    return this.anchor.offsetX;
  }
  getOffsetY(): number {
    return this.anchor.offsetY;
  }
}

/** An option set flat ('legend.position') or nested (setOption('legend', { position })); null if unset. */
export function chartOption(options: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in options) return options[name];
  const parts = name.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    let value: unknown = options[parts.slice(0, i).join('.')];
    for (const part of parts.slice(i)) {
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (value !== undefined) return value;
  }
  return null;
}

export class EmChartOptions implements Charts.ChartOptions {
  readonly [GUARD]: Execution;

  constructor(
    exec: Execution,
    private readonly options: Readonly<Record<string, unknown>>,
  ) {
    this[GUARD] = exec;
  }

  get(option: string): unknown {
    return chartOption(this.options, String(option));
  }
}

// ---------------------------------------------------------------------------------------------------
// Sheet.insertChart, updateChart, removeChart: the document side
// ---------------------------------------------------------------------------------------------------

export function chartImpl(chart: SS.EmbeddedChart | unknown): EmEmbeddedChart {
  if (chart instanceof EmEmbeddedChart) return chart;
  throw exception('Invalid argument: expected an EmbeddedChart built in this spreadsheet.');
}

function checkAnchor(sheet: SheetModel, anchor: ChartAnchor): void {
  if (anchor.row > sheet.maxRows || anchor.col > sheet.maxCols)
    throw exception(
      `The chart's anchor (row ${anchor.row}, column ${anchor.col}) is outside the sheet ${sheet.name} ` +
        `(${sheet.maxRows} rows, ${sheet.maxCols} columns).`,
    );
}

export function insertChart(sheet: SheetModel, chart: EmEmbeddedChart, newId: () => number): void {
  checkAnchor(sheet, chart.spec.anchor);
  const id = newId();
  sheet.charts = [...sheet.charts, { ...chart.spec, id }];
  chart.id = id;
}

function indexOf(sheet: SheetModel, chart: EmEmbeddedChart, verb: string): number {
  const index = chart.id === null ? -1 : sheet.charts.findIndex((c) => c.id === chart.id);
  if (index < 0)
    throw exception(
      chart.id === null
        ? `Cannot ${verb} a chart that was never inserted: use insertChart.`
        : `Chart ${chart.id} is not on the sheet ${sheet.name}.`,
    );
  return index;
}

export function updateChart(sheet: SheetModel, chart: EmEmbeddedChart): void {
  const index = indexOf(sheet, chart, 'update');
  checkAnchor(sheet, chart.spec.anchor);
  const updated: StoredChart = { ...chart.spec, id: chart.id as number };
  sheet.charts = sheet.charts.map((c, i) => (i === index ? updated : c));
}

export function removeChart(sheet: SheetModel, chart: EmEmbeddedChart): void {
  const index = indexOf(sheet, chart, 'remove');
  sheet.charts = sheet.charts.filter((_, i) => i !== index);
}

instrument(EmEmbeddedChartBuilder, 'EmbeddedChartBuilder');
instrument(EmEmbeddedChart, 'EmbeddedChart');
instrument(EmContainerInfo, 'ContainerInfo');
instrument(EmChartOptions, 'ChartOptions');
