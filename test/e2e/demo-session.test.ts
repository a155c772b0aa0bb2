import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from './static-server.js';
import { chromiumLaunch } from '../chromium-launch.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = fileURLToPath(new URL('../../node_modules/.cache/e2e-demo/', import.meta.url));

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  // The demo exactly as it is deployed: built, then served as static files under the strict policy.
  await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await serveStatic(outDir);
  browser = await chromium.launch(chromiumLaunch);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything the page asked the network for, and every policy violation it reported. */
async function watch(page: Page): Promise<{ requests: string[]; violations: string[]; errors: string[] }> {
  const seen = { requests: [] as string[], violations: [] as string[], errors: [] as string[] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  return seen;
}

describe('the built demo, a whole session', () => {
  it('works under a strict CSP, makes no request beyond its own files, and shows typed markup as text', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seen = await watch(page);
    await page.goto(server.url);

    // A new map, named with markup that must stay text.
    await page.getByRole('button', { name: 'Ny karta' }).first().click();
    await page.locator('#new-map-name').fill('<img src=x onerror=alert(1)> Familjen Lind');
    await page.getByRole('button', { name: 'Skapa karta' }).click();
    const editor = page.locator('natverkskarta-editor');
    await editor.waitFor();

    // Three contacts through the editor's own form.
    for (const [category, name] of [
      ['bup', '<script>alert(1)</script>Łukasz'],
      ['skola', 'Mentor "Jonas" & co'],
      ['forsakringskassan', 'سارا احمدی'],
    ]) {
      await editor.getByRole('button', { name: 'Lägg till kontakt' }).click();
      await editor.locator('#add-category').selectOption(category!);
      await editor.locator('#add-name').fill(name!);
      await editor.locator('#add-phone').fill('010-123 45 67');
      await editor.getByRole('button', { name: 'Lägg till', exact: true }).click();
    }
    await expect.poll(() => editor.locator('svg.map g.actor').count()).toBe(3);
    expect(await editor.locator('.contact-list').textContent()).toContain('<script>alert(1)</script>Łukasz');
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    // The PDF, with its chunks and fonts loaded on demand.
    const download = page.waitForEvent('download');
    await editor.getByRole('button', { name: 'Skriv ut / spara PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

    // Back to the list, where the map is listed.
    await page.getByRole('button', { name: /Alla kartor/ }).click();
    await expect.poll(async () => page.locator('main').textContent()).toContain('3 kontakter');

    const own = new URL(server.url).origin;
    const foreign = seen.requests.filter((url) => !url.startsWith(own) && !url.startsWith('blob:') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(seen.requests.some((url) => /\.ttf$/.test(url))).toBe(true);
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  }, 60_000);
});
