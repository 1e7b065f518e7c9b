import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { declareReportDataEarly } from '../../src/report/early-report-data';

/** The shape of Allure 3.18's single-file index.html: the app's script first, the data store declared after. */
const SINGLE_FILE_PAGE = `<!DOCTYPE html>
<html>
<head>
    <script>
      window.allureReportOptions = {"id":"awesome"};
    </script>
</head>
<body>
    <div id="app"></div>
    <script   src="data:text/javascript;base64,QVBQ"></script>
    <script async>
      window.allureReportDataReady = false;
      window.allureReportData = window.allureReportData || {};
    </script>
    <script defer>
      Promise.allSettled([d("widgets/statistic.json","e30=")]).then(function(){ window.allureReportDataReady = true; })
    </script>
</body>
</html>
`;

function pageFile(html: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'early-report-data-')), 'index.html');
  writeFileSync(file, html);
  return file;
}

const declarations = (html: string) =>
  html.split('window.allureReportData = window.allureReportData').length - 1;

test('a single-file report declares its data store before the app script reads it, once', () => {
  const file = pageFile(SINGLE_FILE_PAGE);
  declareReportDataEarly(file);
  declareReportDataEarly(file);
  const html = readFileSync(file, 'utf8');
  expect(declarations(html)).toBe(2);
  const early = html.indexOf('window.allureReportData = window.allureReportData');
  expect(early).toBeLessThan(html.indexOf('</head>'));
  expect(early).toBeLessThan(html.indexOf('<script   src="data:text/javascript'));
  expect(html.replace(/<script>window\.allureReportData = [^<]*<\/script>\n/, '')).toBe(SINGLE_FILE_PAGE);
});

test('a page that embeds no report data is left as it is', () => {
  const page = '<html><head></head><body><script src="app.js"></script></body></html>';
  const file = pageFile(page);
  declareReportDataEarly(file);
  expect(readFileSync(file, 'utf8')).toBe(page);
});
