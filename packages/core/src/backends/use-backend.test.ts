import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { BackendUnavailableError } from '../errors/backend-unavailable-error.js';
import { webgpuRequired, webgpuUnavailableReason } from '../testing/describe-each-backend.js';
import { describeBackends, useBackend } from '../index.js';

// The machine's own default thread count, without the BAIHUA_WASM_THREADS=1 the repository's test runner sets.
beforeAll(() => {
  vi.stubEnv('BAIHUA_WASM_THREADS', '');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const gradOfSumSquares = async () => {
  const x = tf.tensor1d([1, 2, 3]);
  const g = tf.grad((v: tf.Tensor) => tf.sum(tf.square(v)))(x);
  const values = Array.from(await g.data());
  tf.dispose([x, g]);
  return values;
};

describe('useBackend', () => {
  afterAll(async () => {
    await useBackend('cpu');
  });

  test.each(['cpu', 'wasm'] as const)('%s initialises, is selected and differentiates', async (name) => {
    const selection = await useBackend(name);
    expect(selection).toEqual({ backend: name, skipped: [] });
    expect(tf.getBackend()).toBe(name);
    expect(await gradOfSumSquares()).toEqual([2, 4, 6]);
  });

  test('switching backends back and forth leaves no tensor behind (its check computation is freed)', async () => {
    await useBackend('cpu');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i += 1) {
      await useBackend('wasm');
      await useBackend('cpu');
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('webgpu initialises when an adapter exists (required on CI)', async () => {
    const reason = await webgpuUnavailableReason();
    if (reason !== undefined) {
      // Off CI without a Vulkan driver, webgpu must fail with the documented error, never silently.
      expect(webgpuRequired()).toBe(false);
      await expect(useBackend('webgpu')).rejects.toThrow(BackendUnavailableError);
      return;
    }
    const selection = await useBackend('webgpu');
    expect(selection.backend).toBe('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    expect(await gradOfSumSquares()).toEqual([2, 4, 6]);
  });

  test('a list falls back to the first backend that works and records why the others failed', async () => {
    const selection = await useBackend(['no-such-backend', 'another-missing', 'cpu']);
    expect(selection.backend).toBe('cpu');
    expect(selection.skipped.map((f) => f.backend)).toEqual(['no-such-backend', 'another-missing']);
    expect(selection.skipped[0]?.cause).toMatch(/no backend of this name is registered/);
    expect(selection.skipped[0]?.fix).toMatch(/'cpu', 'wasm' or 'webgpu'/);
  });

  test('an unavailable backend raises BackendUnavailableError with the cause and the fix', async () => {
    const before = tf.getBackend();
    const failure = await useBackend('no-such-backend').catch((e: unknown) => e);
    expect(BackendUnavailableError.isInstance(failure)).toBe(true);
    expect(failure).toBeInstanceOf(BackendUnavailableError);
    const error = failure as BackendUnavailableError;
    expect(error.message).toMatch(
      /^useBackend: backend 'no-such-backend' is unavailable: no backend of this name is registered.*Fix: /,
    );
    expect(error.failures).toHaveLength(1);
    expect(tf.getBackend()).toBe(before);
  });

  test('a list where nothing works lists every reason', async () => {
    const error = (await useBackend(['missing-a', 'missing-b']).catch((e: unknown) => e)) as BackendUnavailableError;
    expect(error.message).toMatch(/none of the backends \[missing-a, missing-b\] is available/);
    expect(error.message).toMatch(/- 'missing-a': .*Fix: /);
    expect(error.message).toMatch(/- 'missing-b': .*Fix: /);
  });

  test('a wasm folder without the .wasm files is reported as such, with the fix', async () => {
    // Only meaningful before wasm's first initialisation in this process, so run it in a child.
    const { execFileSync } = await import('node:child_process');
    const script = `
      import { useBackend } from '@baihua/core';
      try { await useBackend('wasm', { wasmPaths: '/nonexistent/folder' }); console.log('no error'); }
      catch (e) { console.log(e.name + '|' + e.message); }
      process.exit(0);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: packageRoot(),
    });
    expect(out).toMatch(
      new RegExp(
        String.raw`BackendUnavailableError\|useBackend: backend 'wasm' is unavailable: wasm file not found: ` +
          String.raw`/nonexistent/folder/tfjs-backend-wasm\.wasm\. Fix: pass useBackend\('wasm', \{ wasmPaths \}\)`,
      ),
    );
  });

  test('rejects an unknown option key, suggesting the known one', async () => {
    await expect(useBackend('wasm', { wasmPath: '/x/' } as never)).rejects.toThrow(
      /useBackend: unknown key 'wasmPath' in options \(did you mean 'wasmPaths'\? known: threads, wasmPaths\)/,
    );
  });

  test.each([[[]], [''], [42]])('rejects a bad name list %j', async (names) => {
    await expect(useBackend(names as never)).rejects.toThrow(
      /useBackend: expected a backend name or a non-empty list of names/,
    );
  });
});

describe('describeBackends', () => {
  test('reports cpu and wasm with its SIMD/threads, and webgpu with its adapter', async () => {
    const report = await describeBackends();
    expect(report.runtime).toMatch(/^Node\.js \d+/);
    const byName = Object.fromEntries(report.backends.map((b) => [b.name, b]));
    expect(byName.cpu?.available).toBe(true);
    expect(byName.wasm?.available).toBe(true);
    expect(byName.wasm?.wasm?.simd).toBe(true);
    // Threads work in Node (wasm-threads.test.ts checks them); the default is the available parallelism.
    const cores = Math.min(8, (await import('node:os')).availableParallelism());
    expect(byName.wasm?.wasm?.threads).toBe(cores > 1);
    expect(byName.wasm?.wasm?.threadsCount).toBe(cores);
    expect(byName.wasm?.wasm?.threadsNote).toBeUndefined();
    const webgpu = byName.webgpu;
    if (webgpu?.available) {
      expect(webgpu.adapter?.vendor).not.toBe('');
    } else {
      expect(webgpuRequired()).toBe(false);
      expect(webgpu?.reason).toMatch(/adapter|webgpu/i);
    }
  });

  test('reports SwiftShader as a software fallback', async () => {
    const report = await describeBackends();
    const adapter = report.backends.find((b) => b.name === 'webgpu')?.adapter;
    if (adapter === undefined || adapter.architecture !== 'swiftshader') {
      // Only checkable where SwiftShader is the driver (CI and these machines); on CI it must be.
      expect(process.env.CI ? 'swiftshader expected on CI' : 'other').toBe('other');
      return;
    }
    expect(adapter.isSoftware).toBe(true);
    expect(adapter.description).toMatch(/SwiftShader/);
  });
});

function packageRoot(): string {
  return new URL('../..', import.meta.url).pathname;
}
