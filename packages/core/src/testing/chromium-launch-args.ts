/**
 * The Chromium flags of the repository's browser tests and `pnpm bench:browser`: a closed network
 * (no background connections), no sandbox (root in containers), and WebGPU, which Chromium on Linux
 * keeps behind --enable-unsafe-webgpu (on a machine without a GPU it runs on SwiftShader).
 *
 * @example
 * const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumLaunchArgs] });
 *
 * In plain words: how to start the browser a user has, without a window, on a closed machine.
 */
export const chromiumLaunchArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
];
