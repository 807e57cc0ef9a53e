/**
 * The one way this project starts Chromium: Debian's package at /usr/bin/chromium when it is
 * installed (CI installs it), Playwright's own browser otherwise (scripts/ensure-browser.mjs
 * installs that one before the browser tests). Used by the Playwright config, the export (PDFs),
 * the benchmark and the build tests that drive a browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a machine with no network: Chromium must not dial out in the background. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch options: the system Chromium when there is one, and the quiet flags. */
export function chromiumOptions(): LaunchOptions {
  return {
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: [...CHROMIUM_ARGS],
  };
}

export const launchChromium = (): Promise<Browser> => chromium.launch(chromiumOptions());
