/**
 * The sidebars' HTML files. The build bundles each page's TypeScript and CSS and inlines them into one
 * HTML file of the project (dist/check-in.html, dist/thresholds.html, dist/connect.html), kept out of Code.js so that a
 * custom-function call, which loads every script file, does not load them. Nothing loads from outside
 * but Google's add-on stylesheet.
 */
export type PageName = 'check-in' | 'thresholds' | 'connect';

export function pageHtml(name: PageName): string {
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}
