/**
 * Google Sheets' convention for formulas Excel lacks, when it exports .xlsx: the anchor cell holds
 * `IFERROR(__xludf.DUMMYFUNCTION("<original formula>"),<cached value>)` and each cell its result spilled
 * into holds `IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),<cached value>)`. Reading undoes it
 * (spilled cells stay blank so the formula can spill again); writing does it for the add-on's custom
 * functions and for spilling formulas, so the file goes back into Sheets as it came.
 */

const DUMMY = /^IFERROR\(__xludf\.DUMMYFUNCTION\("((?:[^"]|"")*)"\),/i;
const COMPUTED_VALUE = '"COMPUTED_VALUE"';

export type ImportedFormula =
  | { readonly kind: 'formula'; readonly text: string }
  | { readonly kind: 'spilled' };

/** An xlsx formula (no leading '=') as the cell's formula in Sheets. */
export function formulaFromXlsx(xlsxFormula: string): ImportedFormula {
  const dummy = DUMMY.exec(xlsxFormula.trim());
  if (!dummy) return { kind: 'formula', text: `=${xlsxFormula.trim()}` };
  const original = (dummy[1] ?? '').replace(/""/g, '"');
  if (original === COMPUTED_VALUE) return { kind: 'spilled' };
  return { kind: 'formula', text: `=${original}` };
}

export type CachedValue = string | number | boolean | null;

function literal(value: CachedValue): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `"${(value ?? '').replace(/"/g, '""')}"`;
}

function dummy(inner: string, cached: CachedValue): string {
  return `IFERROR(__xludf.DUMMYFUNCTION("${inner.replace(/"/g, '""')}"),${literal(cached)})`;
}

/** The xlsx text of a Sheets formula (with its '='), wrapped when Excel could not compute it. */
export function formulaToXlsx(formula: string, wrap: boolean, cached: CachedValue): string {
  const text = formula.replace(/^=/, '');
  return wrap ? dummy(text, cached) : text;
}

/** The xlsx text of a cell that holds part of another formula's spilled result. */
export function spilledToXlsx(cached: CachedValue): string {
  return dummy(COMPUTED_VALUE, cached);
}

/** True when `formula` calls one of `names` (case-insensitive), e.g. the add-on's custom functions. */
export function callsAny(formula: string, names: readonly string[]): boolean {
  const upper = formula.toUpperCase();
  return names.some((name) => new RegExp(`(^|[^A-Z0-9_.])${name.toUpperCase()}\\s*\\(`).test(upper));
}
