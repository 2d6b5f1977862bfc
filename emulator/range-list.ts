/**
 * RangeList: ranges of one sheet that take one format call together, one round trip for all of them
 * (Sheet.getRangeList). Each setter applies to every range as Range's own setter would.
 */
import { asRangeList } from './boundary';
import { GUARD, instrument } from './calls';
import type { Execution } from './context';

import SS = GoogleAppsScript.Spreadsheet;

type RangeListMethods = 'getRanges' | 'setFontWeight' | 'setNumberFormat' | 'setWrap';

export class EmRangeList implements Pick<SS.RangeList, RangeListMethods> {
  readonly [GUARD]: Execution;

  constructor(
    exec: Execution,
    private readonly ranges: readonly SS.Range[],
  ) {
    this[GUARD] = exec;
  }

  private _each(apply: (range: SS.Range) => void): SS.RangeList {
    for (const range of this.ranges) apply(range);
    return asRangeList(this);
  }

  getRanges(): SS.Range[] {
    return [...this.ranges];
  }
  setFontWeight(fontWeight: SS.FontWeight | null): SS.RangeList {
    return this._each((range) => range.setFontWeight(fontWeight));
  }
  setNumberFormat(format: string): SS.RangeList {
    return this._each((range) => range.setNumberFormat(format));
  }
  setWrap(isWrapEnabled: boolean): SS.RangeList {
    return this._each((range) => range.setWrap(isWrapEnabled));
  }
}

instrument(EmRangeList, 'RangeList');
