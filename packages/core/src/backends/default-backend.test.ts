import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';

// Each case runs in a fresh node process (what a user's program sees on its first import), on the
// built package: `import '@baihua/core'` resolves to dist/.
const packageRoot = new URL('../..', import.meta.url).pathname;
const emptyFolder = mkdtempSync(join(tmpdir(), 'baihua-no-vulkan-'));
afterAll(() => rmSync(emptyFolder, { recursive: true, force: true }));

async function runModule(script: string, env: NodeJS.ProcessEnv = process.env) {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: packageRoot,
    env,
    encoding: 'utf8',
  });
  return { stdout, stderr };
}

// A machine without Vulkan: no driver variables, no loader path, empty XDG folders.
function withoutVulkan(loaderFolder = ''): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LD_LIBRARY_PATH: loaderFolder, HOME: emptyFolder };
  for (const name of ['VK_DRIVER_FILES', 'VK_ICD_FILENAMES', 'VK_ADD_DRIVER_FILES']) delete env[name];
  Object.assign(env, { XDG_CONFIG_HOME: emptyFolder, XDG_CONFIG_DIRS: emptyFolder, XDG_DATA_HOME: emptyFolder });
  return Object.assign(env, { XDG_DATA_DIRS: emptyFolder });
}

test('a tensor made right after importing @baihua/core lives on cpu; useBackend still switches', async () => {
  const { stdout, stderr } = await runModule(`
    import * as tf from '@tensorflow/tfjs-core';
    import { useBackend } from '@baihua/core';
    const early = tf.add(tf.tensor1d([1, 2]), 1);
    console.log(tf.getBackend(), Array.from(await early.data()).join(','));
    const { backend } = await useBackend('wasm');
    console.log(backend, tf.getBackend(), Array.from(await tf.mul(early, 2).data()).join(','));
    await useBackend('cpu');
    console.log(tf.getBackend());`);
  expect(stdout.trim().split('\n')).toEqual(['cpu 2,3', 'wasm wasm 4,6', 'cpu']);
  expect(stderr).toBe(''); // and no "Hi, looks like you are running TensorFlow.js in Node.js" banner
});

// A loader installed system-wide (Debian's libvulkan1, which e.g. python3-torchaudio pulls in) cannot be hidden
// by the environment: there the first case gets as far as the driver check, and says so.
const systemLoader = ['/lib', '/usr/lib', '/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/usr/local/lib'].some(
  (folder) => existsSync(join(folder, 'libvulkan.so.1')),
);
const noDriver = /^no Vulkan driver \(ICD manifest\) was found/;

test.each([
  ['no Vulkan loader', '', systemLoader ? noDriver : /^no Vulkan loader \(libvulkan\.so\.1\) was found/],
  ['a loader but no driver', '/usr/lib/chromium', noDriver],
])(
  'probing webgpu with %s prints nothing; the reason is in describeBackends and the skip list',
  async (_, loader, why) => {
    const { stdout, stderr } = await runModule(
      `
    import { describeBackends, useBackend } from '@baihua/core';
    const selection = await useBackend(['webgpu', 'wasm', 'cpu']);
    const report = await describeBackends();
    console.log(JSON.stringify({ selection, webgpu: report.backends.find((b) => b.name === 'webgpu') }));`,
      withoutVulkan(loader),
    );
    expect(stderr).not.toMatch(/Vulkan|vkCreateInstance|Hi, looks like/);
    const { selection, webgpu } = JSON.parse(stdout);
    if (selection.backend === 'webgpu') return; // this machine has a system-wide Vulkan driver: nothing to probe
    expect(selection.backend).toBe('wasm');
    expect(selection.skipped[0].cause).toMatch(why);
    expect(selection.skipped[0].fix).toMatch(/VK_DRIVER_FILES/);
    expect(webgpu.available).toBe(false);
    expect(webgpu.reason).toMatch(why);
  },
);
