/** The built add-on in the preview's emulated spreadsheet, loaded by the emulator's one loader. */
import { type LoadedAddon, loadAddon } from '../../emulator/script';

export type Addon = LoadedAddon;

export function openAddon(distDir: string, timeZone: string): Addon {
  return loadAddon(distDir, { name: 'OKR & KPI Tracker preview', timeZone });
}
