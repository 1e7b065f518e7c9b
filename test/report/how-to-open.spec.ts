import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { howToOpenReport } from '../../src/report/allure-report';
import { reportPaths } from '../../src/report/paths';

test('the way to open a report names its file and the command that serves it, from where the user is', () => {
  const cwd = '/work/checkout';
  const line = (root: string) => howToOpenReport(reportPaths({ REPORTS_DIR: root }), cwd);
  expect(line(join(cwd, 'reports'))).toBe(
    '[enroll-factor-harness] report: open file:///work/checkout/reports/allure-report/index.html in a browser, ' +
      'or run `npm run report:open` to serve it',
  );
  expect(line(join(cwd, 'reports/rehearsal'))).toContain(
    '`REPORTS_DIR=reports/rehearsal npm run report:open`',
  );
  expect(line('/tmp/elsewhere/reports')).toContain(
    '`REPORTS_DIR=/tmp/elsewhere/reports npm run report:open`',
  );
});
