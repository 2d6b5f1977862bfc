/**
 * The sidebars' HTML files. The build bundles each page's TypeScript and CSS and inlines them into one
 * HTML file of the project (dist/check-in.html, dist/thresholds.html, dist/connect.html), kept out of Code.js so that a
 * custom-function call, which loads every script file, does not load them. Nothing loads from outside
 * but Google's add-on stylesheet.
 */
export const PAGES = ['check-in', 'thresholds', 'connect'] as const;

/** A page: src/ui/sidebar/NAME.html with its script NAME.ts; the build reads PAGES from here. */
export type PageName = (typeof PAGES)[number];

export function pageHtml(name: PageName): string {
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}
