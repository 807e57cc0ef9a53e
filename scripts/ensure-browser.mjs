// Before the browser tests: use the system Chromium when there is one (Debian's package);
// otherwise make sure Playwright's own Chromium is installed. scripts/lib/chromium.ts decides
// which one every test, the export and the benchmark launch.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { SYSTEM_CHROMIUM } from './lib/chromium.ts';

if (existsSync(SYSTEM_CHROMIUM)) {
  console.log(`Browser tests use ${SYSTEM_CHROMIUM}`);
} else {
  console.log(`No ${SYSTEM_CHROMIUM}: installing Playwright's Chromium`);
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
