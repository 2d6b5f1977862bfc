/**
 * A tiny formula evaluator for emulator tests, independent of the real engine:
 *   =B2 / =Other!B2     the value of a cell
 *   =SEQ(r, c)          an r x c array (10*row + col, 1-based) that spills
 *   =COLUMN_OF(A2:A5)   the values of a one-column range, as a column (spills)
 *   =FAIL("msg")        throws (the workbook shows #ERROR!)
 *   =SPARK()            a sparkline of [1, 2, 3]
 *   =B2="text"          comparison with a text literal (for conditional format rules)
 *   =B2>3               comparison with a number
 * Counts evaluations so tests can check caching.
 */
import { lettersToColumn } from '../../emulator/a1';
import type { CellSource, EvalResult, FormulaEvaluator } from '../../emulator/formula-types';

const CELL = /^(?:([A-Za-z0-9_]+)!)?\$?([A-Z]+)\$?(\d+)$/;

function cell(ref: string, sheet: string, source: CellSource) {
  const m = CELL.exec(ref.trim());
  if (!m) throw new Error(`bad ref ${ref}`);
  return source.value({ sheet: m[1] ?? sheet, row: Number(m[3]), col: lettersToColumn(m[2] ?? 'A') });
}

export interface FakeEvaluator extends FormulaEvaluator {
  evaluations: number;
}

export function fakeEvaluator(): FakeEvaluator {
  const fake: FakeEvaluator = {
    evaluations: 0,
    evaluate(formula, at, source): EvalResult {
      fake.evaluations += 1;
      const body = formula.slice(1).trim();
      let m = /^SEQ\((\d+),\s*(\d+)\)$/.exec(body);
      if (m) {
        const rows = Number(m[1]);
        const cols = Number(m[2]);
        return Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => 10 * (r + 1) + c + 1),
        );
      }
      m = /^COLUMN_OF\(\$?([A-Z]+)\$?(\d+):\$?[A-Z]+\$?(\d+)\)$/.exec(body);
      if (m) {
        const col = lettersToColumn(m[1] ?? 'A');
        const out = [];
        for (let r = Number(m[2]); r <= Number(m[3]); r++)
          out.push([source.value({ sheet: at.sheet, row: r, col })]);
        return out;
      }
      if (body === 'SPARK()') return { kind: 'sparkline', data: [1, 2, 3], options: { charttype: 'bar' } };
      m = /^FAIL\("(.*)"\)$/.exec(body);
      if (m) throw new Error(m[1]);
      m = /^(.+?)\s*=\s*"(.*)"$/.exec(body);
      if (m) return cell(m[1] ?? '', at.sheet, source) === m[2];
      m = /^(.+?)\s*>\s*(-?\d+(?:\.\d+)?)$/.exec(body);
      if (m) {
        const v = cell(m[1] ?? '', at.sheet, source);
        return typeof v === 'number' && v > Number(m[2]);
      }
      return cell(body, at.sheet, source);
    },
    /** Moves relative references (no `$`) by the offsets. */
    shift(formula, rowOffset, colOffset) {
      return formula.replace(
        /(\$?)([A-Z]+)(\$?)(\d+)/g,
        (_all, colAbs: string, letters: string, rowAbs: string, row: string) => {
          let col = lettersToColumn(letters);
          let r = Number(row);
          if (!colAbs) col += colOffset;
          if (!rowAbs) r += rowOffset;
          let name = '';
          for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
            name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
          return `${colAbs}${name}${rowAbs}${r}`;
        },
      );
    },
  };
  return fake;
}
