/**
 * A Date, recognised across realms: tests run the bundle in a vm context whose Date differs from the
 * one that made the cell values, so `instanceof Date` would miss them.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
