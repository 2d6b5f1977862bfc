/**
 * One sheet's data: grid size, cell contents and cell formatting, plus the sheet-level settings the add-on
 * uses (frozen rows, column widths, hidden columns, conditional format rules). No Apps Script surface here:
 * the Sheet and Range classes read and write through it.
 */
import type { GridArea } from './a1';
import { type Content, FormulaCell } from './cell-input';
import type { StoredChart } from './chart-model';
import type { EvalValue } from './formula-types';
import { Grid } from './grid';

export type HorizontalAlignment = 'left' | 'center' | 'normal' | 'right';
export type VerticalAlignment = 'top' | 'middle' | 'bottom';

/** A validation rule as stored on a cell (see data-validation.ts). */
export interface ValidationSpec {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

/** Per-cell formatting and annotations; formatting is recorded, not rendered. */
export interface CellProps {
  readonly numberFormat?: string;
  readonly note?: string;
  readonly background?: string;
  readonly fontColor?: string;
  readonly fontWeight?: 'bold' | 'normal';
  readonly fontStyle?: 'italic' | 'normal';
  readonly fontSize?: number;
  readonly fontFamily?: string;
  readonly horizontalAlignment?: HorizontalAlignment;
  readonly verticalAlignment?: VerticalAlignment;
  readonly wrap?: boolean;
  readonly validation?: ValidationSpec;
}

/** A conditional format rule as the sheet stores it (immutable; see conditional-format.ts). */
export interface RuleSpec {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly format: RuleFormat;
  readonly ranges: readonly GridArea[];
  readonly gradient?: GradientSpec;
}

export interface RuleFormat {
  readonly background?: string | null;
  readonly fontColor?: string | null;
  readonly bold?: boolean | null;
  readonly italic?: boolean | null;
  readonly strikethrough?: boolean | null;
  readonly underline?: boolean | null;
}

export interface GradientSpec {
  readonly minColor: string;
  readonly minType: string | null;
  readonly minValue: string;
  readonly midColor: string;
  readonly midType: string | null;
  readonly midValue: string;
  readonly maxColor: string;
  readonly maxType: string | null;
  readonly maxValue: string;
}

/** A formula cell and where it stands, for evaluating a whole sheet. */
export interface FormulaAt {
  readonly row: number;
  readonly col: number;
  readonly cell: FormulaCell;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export class SheetModel {
  readonly content = new Grid<Content>();
  readonly props = new Grid<CellProps>();
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  rules: readonly RuleSpec[] = [];
  /** Embedded charts, in insertion order (see chart-model.ts). */
  charts: readonly StoredChart[] = [];
  deleted = false;
  tabColor: string | null = null;

  // Evaluation state, valid for one workbook version (see evaluation.ts).
  evalVersion = -1;
  /** Per formula column, how many of its formulas (in row order) this version's sweeps have passed. */
  readonly swept = new Map<number, number>();
  /** Spilled values by cell key, excluding each formula's own cell. */
  readonly spill = new Map<number, EvalValue>();
  /** The sheet's formula cells; rebuilt after a structural change or when a formula appears or goes. */
  formulaIndex: FormulaAt[] | null = null;
  private byColumn: { index: FormulaAt[]; columns: number[]; lists: Map<number, FormulaAt[]> } | undefined;

  constructor(
    readonly id: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxCols = DEFAULT_COLUMNS,
  ) {}

  /** A number naming a cell, for maps keyed by cell. */
  key(row: number, col: number): number {
    return (row - 1) * 20_000 + col; // 18,278 columns at most
  }

  formulas(): FormulaAt[] {
    if (!this.formulaIndex) {
      const found: FormulaAt[] = [];
      this.content.forEach((value, row, col) => {
        if (value instanceof FormulaCell) found.push({ row, col, cell: value });
      });
      this.formulaIndex = found;
    }
    return this.formulaIndex;
  }

  /** The formula cells by column (columns ascending, each list in row order). */
  formulasByColumn(): { columns: number[]; lists: Map<number, FormulaAt[]> } {
    const index = this.formulas();
    if (this.byColumn?.index !== index) {
      const lists = new Map<number, FormulaAt[]>();
      for (const at of index) {
        const list = lists.get(at.col);
        if (list) list.push(at);
        else lists.set(at.col, [at]);
      }
      this.byColumn = { index, columns: [...lists.keys()].sort((a, b) => a - b), lists };
    }
    return this.byColumn;
  }

  updateProps(row: number, col: number, change: Partial<CellProps>): void {
    const merged: Record<string, unknown> = { ...this.props.get(row, col), ...change };
    for (const name of Object.keys(merged)) if (merged[name] === undefined) delete merged[name];
    this.props.set(row, col, Object.keys(merged).length ? (merged as CellProps) : undefined);
  }
}
