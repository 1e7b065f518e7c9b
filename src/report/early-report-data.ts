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

/**
 * Declares the embedded-data store in `index`'s head; a page that embeds no data, or has it already, stays.
 * The page is handled as bytes: it holds every result and the history, tens of megabytes, which decoding to
 * a string and encoding back would cost the run most of a second.
 */
export function declareReportDataEarly(index: string): void {
  const page = readFileSync(index);
  const head = page.indexOf('</head>');
  if (head < 0 || page.indexOf(STORE_FILLED_LATER, head) < 0) return;
  if (page.subarray(0, head).includes(EARLY_STORE)) return;
  writeFileSync(
    index,
    Buffer.concat([page.subarray(0, head), Buffer.from(`${EARLY_STORE}\n`), page.subarray(head)]),
  );
}
