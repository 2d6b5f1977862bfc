/**
 * A sidebar's HTML as the preview serves it in its iframe: the google.script shim runs first, and
 * Google's add-on stylesheet (not reachable offline) is replaced by a local stand-in.
 */
const GOOGLE_ADDON_CSS = /https:\/\/ssl\.gstatic\.com\/docs\/script\/css\/add-ons1\.css/g;
export const LOCAL_ADDON_CSS = '/addon.css';

/** Inline script text must not end its element early. */
function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
}

export function sidebarPage(html: string, shim: string): string {
  const page = html.replace(GOOGLE_ADDON_CSS, LOCAL_ADDON_CSS);
  const script = inlineScript(shim);
  const head = /<head[^>]*>/i.exec(page);
  if (head)
    return page.slice(0, head.index + head[0].length) + script + page.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(page);
  const at = doctype ? doctype[0].length : 0;
  return page.slice(0, at) + script + page.slice(at);
}

/** Served for the add-on stylesheet: the page's own CSS must stand alone in the preview. */
export const ADDON_CSS_STAND_IN =
  "/* Google's add-on stylesheet (ssl.gstatic.com/docs/script/css/add-ons1.css) is not loaded in the offline preview. */\n";
