/** Colors as Sheets reports them back: lower-case `#rrggbb`, whatever form was set. */
const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  cyan: '#00ffff',
  magenta: '#ff00ff',
};

export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  const named = NAMED[c];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}
