import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test("the README's Layout table names every folder of src and every top-level folder", () => {
  const readme = readFileSync('README.md', 'utf8');
  const layout = readme.slice(
    readme.indexOf('## Layout'),
    readme.indexOf('\n## ', readme.indexOf('## Layout') + 1),
  );
  const folders = [
    ...readdirSync('src', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}/`),
    ...['cli/', 'pacts/', 'fixtures/', 'test/', 'bench/', 'docs/', 'suites/'],
  ];
  const unnamed = folders.filter((folder) => !layout.includes(`\`${folder}`));
  expect(unnamed, 'folders the Layout table does not name').toEqual([]);
});
