/**
 * How every test launches Debian's Chromium: no sandbox (CI runs as root), no GPU, and none of the background
 * traffic that would try to reach the internet from a machine that has none.
 */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
