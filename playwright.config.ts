import { defineConfig, devices } from '@playwright/test';
import { chromiumOptions } from './scripts/lib/chromium.ts';

const port = Number(process.env['PORT'] ?? 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    // Debian's Chromium when it is installed, with no background network (scripts/lib/chromium.ts).
    launchOptions: chromiumOptions(),
  },
  webServer: {
    // The real built site, served as in production (the test script builds it first).
    // --ignore-lock: Astro allows one preview per checkout; another one running here must not stop the tests.
    command: `npm exec -- astro preview --host 127.0.0.1 --port ${port} --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
