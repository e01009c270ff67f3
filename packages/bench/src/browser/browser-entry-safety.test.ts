import '@baihua/core/testing';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

describe('@baihua/bench/browser is free of Node-only code', () => {
  test('src/browser/index.ts bundles for the browser, without the Node runner or ONNX Runtime loaders', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
      external: ['@tensorflow/*', '@baihua/*'],
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from ["']node:|require\(["'](fs|os|path|http|node:)/);
    expect(code).not.toMatch(/(import\(|from )["'](playwright-core|onnxruntime-node|onnxruntime-web)["']/);
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    expect(inputs.some((path) => path.includes('src/node/'))).toBe(false);
    expect(code).toContain('runBenchInBrowser');
  });
});
