import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The Chromium binary: CHROMIUM_PATH, else Debian's (never a downloaded browser). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium with the flags of the repository's browser tests: a closed network (no
 * background connections), no sandbox (root in containers), and WebGPU, which Chromium on Linux
 * keeps behind --enable-unsafe-webgpu (on a machine without a GPU it runs on SwiftShader).
 *
 * @example const browser = await launchChromium(); const page = await browser.newPage();
 *
 * In plain words: the browser a user has, without a window.
 * @throws Error naming the path and the fix when there is no Chromium.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `bench:browser: expected Chromium at ${chromiumPath}, got nothing there ` +
        "(install Debian's: apt-get install chromium, or set CHROMIUM_PATH)",
    );
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--enable-unsafe-webgpu',
    ],
  });
}
