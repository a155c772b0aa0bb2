// Runs before the tests: without a Chromium there is nothing to run the component tests in, and without
// poppler nothing reads the PDFs back. A stack trace from deep inside a tool would not say what to do.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const missing = [];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) missing.push(`Chromium (looked for ${chromium}; set CHROMIUM_PATH to use another)`);
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  missing.push("poppler's pdftotext, pdffonts and pdfinfo");
}
if (missing.length > 0) {
  console.error(`The tests need:\n${missing.map((item) => `  - ${item}`).join('\n')}
On Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium poppler-utils`);
  process.exit(1);
}
