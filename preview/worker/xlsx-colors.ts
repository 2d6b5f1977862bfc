/** Colours between Sheets (#rrggbb) and .xlsx (ARGB hex, opaque). */

export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** An ARGB colour as #rrggbb; undefined for anything else (theme or indexed colours). */
export function hexColor(value: string | undefined): string | undefined {
  if (!value || !/^[0-9a-f]{8}$/i.test(value)) return undefined;
  return `#${value.slice(2).toLowerCase()}`;
}
