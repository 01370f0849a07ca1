/**
 * Debian's Chromium, driven by playwright-core: never a downloaded browser. One home for how
 * the browser tests and the measuring scripts start it. CHROMIUM_PATH names another binary.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, as root on a machine whose network is closed: no sandbox, no GPU, no calls home. `extraArgs` add to these. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
