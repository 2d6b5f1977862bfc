/**
 * User text placed where one line is expected (an email's lines, a log cell): line breaks, control
 * characters and invisible direction overrides become one space, and the text is cut to a length, so a
 * KPI name cannot add lines to an email, disguise what follows it, or run on for pages.
 */

// Controls, line and paragraph separators, blanks, and the invisible format characters that reorder or
// hide text (bidi marks and overrides, zero-width space, word joiners, BOM). Zero-width (non-)joiners
// stay: emoji and several scripts need them.
const BREAKS =
  /[\p{Cc}\p{Zl}\p{Zp}\s\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]+/gu;

/** `text` on one line, at most `limit` characters (code points), ending in "…" when cut. */
export function singleLine(text: string, limit: number): string {
  const line = text.replace(BREAKS, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= limit
    ? line
    : `${chars
        .slice(0, limit - 1)
        .join('')
        .trimEnd()}…`;
}

/** Whether `text` holds a character that `singleLine` would take out (a control or invisible one). */
export function hasControlCharacters(text: string): boolean {
  return /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(text);
}
