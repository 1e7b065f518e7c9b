import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

/** Debian's Chromium: what a person on this kind of machine opens a report with (`apt-get install -y chromium`). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Why the browser check cannot run here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  return existsSync(DEBIAN_CHROMIUM)
    ? undefined
    : `no Chromium at ${DEBIAN_CHROMIUM}: install Debian's package with \`apt-get install -y chromium\``;
}

/**
 * Opens a file through file://, as a person double-clicking it would, in headless Chromium with a new, empty
 * profile (Playwright gives each launch its own) and no network, and answers the page's text once
 * `rendered` holds for it (or the last text seen when the time is up).
 */
export async function textOfFileInChromium(
  file: string,
  rendered: (text: string) => boolean,
  timeoutMs = 60_000,
): Promise<string> {
  const browser = await chromium.launch({
    executablePath: DEBIAN_CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    // The report asks an analytics host for a script; nothing here may leave the machine.
    await context.route(/^https?:/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      // biome-ignore lint/performance/useDomNodeTextContent: what a person sees is the rendered text
      text = await page.locator('body').innerText();
      if (rendered(text)) break;
      await page.waitForTimeout(250);
    }
    return text;
  } finally {
    await browser.close();
  }
}
