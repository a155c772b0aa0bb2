// Runs before the browser tests: without a Chromium there is nothing to test in, and a stack trace from deep
// inside Playwright would not say what to do.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`No Chromium at ${path}. The component tests run in a real Chromium.
Install Debian's:   sudo apt-get update && sudo apt-get install -y chromium
or point to another: CHROMIUM_PATH=/path/to/chrome npm test
Node-only tests run without it: npm run test:unit`);
  process.exit(1);
}
