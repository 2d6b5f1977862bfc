/**
 * Errors as Apps Script raises them. A failed service call surfaces in a script as an Error whose name is
 * "Exception", so `String(e)` reads "Exception: <message>" as in the Apps Script log, and `e.message` holds
 * the text alone.
 */
export function exception(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Thrown when a test control is misused (a scripted answer that cannot apply, an unknown sheet, ...). */
export class EmulatorUsageError extends Error {
  override name = 'EmulatorUsageError';
}
