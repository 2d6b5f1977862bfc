/**
 * Stands in for the client API that Apps Script gives a sidebar: `google.script.run` (each call goes to
 * the preview server's /rpc, which calls that global of the add-on) and `google.script.host` (close asks
 * the preview page to close the sidebar or dialog). Injected by the preview server into the sidebar's HTML; never
 * part of the add-on.
 */
type Handler = (value: unknown, userObject?: unknown) => void;

interface RunState {
  readonly success?: Handler | undefined;
  readonly failure?: Handler | undefined;
  readonly userObject?: unknown;
}

const RPC_URL = new URL('/rpc', location.href).href;

/** Apps Script sends only plain data; a Date, function or class instance fails the call. */
function unsupported(value: unknown, seen = new Set<unknown>()): string | null {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
  if (typeof value !== 'object') return `a ${typeof value}`;
  if (seen.has(value)) return 'a circular structure';
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = unsupported(item, seen);
      if (problem) return problem;
    }
    return null;
  }
  if (value instanceof HTMLFormElement) return null;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    return `a ${value.constructor?.name ?? 'non-plain'} object`;
  for (const item of Object.values(value)) {
    const problem = unsupported(item, seen);
    if (problem) return problem;
  }
  return null;
}

/** A form element is sent as its fields, as Apps Script does. */
function plainArgs(args: unknown[]): unknown[] {
  return args.map((arg) =>
    arg instanceof HTMLFormElement ? Object.fromEntries(new FormData(arg).entries()) : arg,
  );
}

function fail(state: RunState, message: string): void {
  const error = new Error(message);
  if (state.failure) state.failure(error, state.userObject);
  else console.error(`google.script.run: ${message}`);
}

async function call(state: RunState, name: string, args: unknown[]): Promise<void> {
  const problem = unsupported(args);
  if (problem) {
    fail(state, `Invalid argument: ${name} was given ${problem}; only plain data can be sent.`);
    return;
  }
  let reply: { ok: boolean; value?: unknown; error?: string };
  try {
    const response = await fetch(RPC_URL, {
      method: 'POST',
      // text/plain keeps this a simple cross-origin request (the sandboxed frame's origin is opaque).
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ fn: name, args: plainArgs(args) }),
    });
    reply = await response.json();
  } catch (error) {
    fail(state, `NetworkError: ${(error as Error).message}`);
    return;
  }
  if (reply.ok) state.success?.(reply.value ?? null, state.userObject);
  else fail(state, reply.error ?? 'Unknown error');
}

function runner(state: RunState): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property !== 'string') return undefined;
        if (property === 'withSuccessHandler') return (success: Handler) => runner({ ...state, success });
        if (property === 'withFailureHandler') return (failure: Handler) => runner({ ...state, failure });
        if (property === 'withUserObject') return (userObject: unknown) => runner({ ...state, userObject });
        return (...args: unknown[]) => {
          void call(state, property, args);
        };
      },
    },
  );
}

function tellPreview(type: string, data: Record<string, number> = {}): void {
  window.parent.postMessage({ source: 'okr-preview-sidebar', type, ...data }, '*');
}

// setWidth/setHeight resize a dialog; a sidebar ignores them, as in Sheets.
const host = {
  close: () => tellPreview('close'),
  setHeight: (height: number) => tellPreview('height', { height: Number(height) }),
  setWidth: (width: number) => tellPreview('width', { width: Number(width) }),
  editor: { focus: () => undefined },
  origin: location.origin,
};

(window as unknown as { google: unknown }).google = { script: { run: runner({}), host } };
