/**
 * PropertiesService: document, script and user stores of strings, shared by every execution of the
 * document, with Apps Script's limits (9 KB per value, 500 KB per store).
 */
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import { exception } from './errors';

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

export interface PropertyStores {
  readonly document: Map<string, string>;
  readonly script: Map<string, string>;
  readonly user: Map<string, string>;
}

export function createPropertyStores(): PropertyStores {
  return { document: new Map(), script: new Map(), user: new Map() };
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeSize(store: Map<string, string>): number {
  let total = 0;
  for (const [k, v] of store) total += bytes(k) + bytes(v);
  return total;
}

type PropertiesMethods =
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty';

export class EmProperties implements Pick<GoogleAppsScript.Properties.Properties, PropertiesMethods> {
  readonly [GUARD]: Execution;

  constructor(
    exec: Execution,
    private readonly store: Map<string, string>,
  ) {
    this[GUARD] = exec;
  }

  private _checkedWrite(entries: [string, string][], deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, value] of entries) {
      if (bytes(value) > VALUE_LIMIT_BYTES) throw exception('Argument too large: value');
      next.set(key, value);
    }
    if (storeSize(next) > STORE_LIMIT_BYTES) {
      throw exception(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  /** Values are stored as strings, as Apps Script converts them. */
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this._checkedWrite([[String(key), String(value)]], false);
    return this;
  }
  setProperties(
    properties: { [key: string]: string },
    deleteAllOthers = false,
  ): GoogleAppsScript.Properties.Properties {
    this._checkedWrite(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      deleteAllOthers,
    );
    return this;
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.store.delete(String(key));
    return this;
  }
  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.store.clear();
    return this;
  }
}

type ServiceMethods = 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties';

export class EmPropertiesService
  implements Pick<GoogleAppsScript.Properties.PropertiesService, ServiceMethods>
{
  readonly [GUARD]: Execution;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    return new EmProperties(this.exec, this.exec.doc.properties.document);
  }
  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return new EmProperties(this.exec, this.exec.doc.properties.script);
  }
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return new EmProperties(this.exec, this.exec.doc.properties.user);
  }
}

instrument(EmProperties, 'Properties');
instrument(EmPropertiesService, 'PropertiesService');
