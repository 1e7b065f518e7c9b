import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Allure's single-file report (3.18) declares `window.allureReportData`, the store of its embedded files, in a
 * script after the app's own. The app reads a file from that store when the store exists and fetches it
 * otherwise; when the app asks before the browser has parsed the declaration (an 8 MB page on a busy
 * machine), it fetches through file://, which browsers block, and the page stays without data. Declaring the
 * store in the page's head makes the app always wait for the embedded files. The later declaration keeps an
 * existing store, so the report reads the same either way.
 */
const EARLY_STORE = '<script>window.allureReportData = window.allureReportData || {};</script>';
const STORE_FILLED_LATER = 'window.allureReportData = window.allureReportData || {};\n';

/** Declares the embedded-data store in `index`'s head; a page that embeds no data, or has it already, stays. */
export function declareReportDataEarly(index: string): void {
  const html = readFileSync(index, 'utf8');
  if (!html.includes(STORE_FILLED_LATER) || html.includes(EARLY_STORE)) return;
  const head = html.indexOf('</head>');
  if (head < 0) return;
  writeFileSync(index, `${html.slice(0, head)}${EARLY_STORE}\n${html.slice(head)}`);
}
