/** The preview's demo workbook, built by the add-on itself, for tests and benchmarks. */
import { buildDemo } from '../../preview/worker/demo';
import { type Addon, NOW, openAddon } from './addon';

export function openDemo(): Addon {
  const addon = openAddon({ clock: () => NOW });
  buildDemo(addon);
  return addon;
}
