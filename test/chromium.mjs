// The Chromium every browser run here drives (end-to-end tests, screenshots, bench): Debian's, because Playwright's
// own download is not reachable from this machine.

/** Launch options for Debian's Chromium (or PULSE_CHROMIUM), with the flags that keep it off the network. */
export const LAUNCH_OPTIONS = {
  executablePath: process.env.PULSE_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
