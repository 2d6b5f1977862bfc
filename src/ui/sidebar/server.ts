/**
 * A typed bridge to the server: the names and types come from src/main.ts itself, so a sidebar that
 * calls a handler with the wrong arguments, or one that no longer exists, fails to compile.
 */
import type * as Server from '../../main';

type Api = typeof Server;

export function callServer<K extends keyof Api>(
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((result) => resolve(result as Awaited<ReturnType<Api[K]>>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export function closeSidebar(): void {
  google.script.host.close();
}
