import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { minifyTemplates } from './packages/natverkskarta/build/minify-templates.js';
import { chromiumLaunch } from './test/chromium-launch.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Tests and the demo use the package by its name, as a host app would, resolved to its source. */
const alias = {
  'natverkskarta/define': here('./packages/natverkskarta/src/define.ts'),
  natverkskarta: here('./packages/natverkskarta/src/index.ts'),
};

export default defineConfig({
  root: here('./demo'),
  plugins: [minifyTemplates()],
  resolve: { alias },
  build: { outDir: here('./demo/dist'), emptyOutDir: true, target: 'es2022' },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          root: here('.'),
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          // The built demo driven in Chromium by playwright-core: deployment as a municipality would do it.
          name: 'e2e',
          root: here('.'),
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          root: here('.'),
          include: ['test/browser/**/*.test.ts'],
          // Builds the standalone bundle and serves it statically for test/browser/embedding.
          globalSetup: ['test/browser/embedding/global-setup.ts'],
          testTimeout: 20_000,
          // As `eventually` (test/browser/helpers.ts): a poll ends when its check holds, and on a loaded machine an
          // import, a layout or a save may take longer than Vitest's default second.
          expect: { poll: { timeout: 3000 } },
          // One file at a time: some tests delete the whole database, which must not pull it from under another.
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: chromiumLaunch,
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
