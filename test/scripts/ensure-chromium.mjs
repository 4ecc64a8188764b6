// Makes sure a Chromium is there for Playwright: Debian's package through apt when /usr/bin/chromium is missing
// (Playwright's own browser download is not reachable from every machine), or a clear message where apt is not available.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PULSE_CHROMIUM || '/usr/bin/chromium';

if (!existsSync(chromium)) {
  const has = (command) => {
    try {
      execSync(`command -v ${command}`, { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  const root = process.getuid?.() === 0;
  const sudo = root ? '' : has('sudo') ? 'sudo ' : undefined;
  if (!has('apt-get') || sudo === undefined) {
    console.error(
      `No Chromium at ${chromium}, and apt-get${has('apt-get') ? ' needs root (no sudo here)' : ' is not available'}.\n` +
        'Install Chromium with your package manager and point PULSE_CHROMIUM at its binary, then run the tests again.',
    );
    process.exit(1);
  }
  console.log('Installing Debian Chromium for the end-to-end tests (apt-get install chromium)…');
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: 'inherit',
  });
}
