/**
 * A value built on first use. Apps Script loads the whole script for every custom-function call, so
 * what only a sidebar or a dialog needs (validation schemas) must not be built at load time.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
