// Before the browser tests: use the system Chromium when there is one (Debian's package,
// /usr/bin/chromium); otherwise make sure Playwright's own Chromium is installed.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (existsSync('/usr/bin/chromium')) {
  console.log('Browser tests use /usr/bin/chromium');
} else {
  console.log('No /usr/bin/chromium: installing Playwright\'s Chromium');
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
