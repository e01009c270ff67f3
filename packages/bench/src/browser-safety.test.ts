import '@baihua/core/testing';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

describe('the harness is free of Node-only code', () => {
  test('src/index.ts (harness, report, suites) bundles for the browser with tinybench inside', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      external: ['@tensorflow/*', '@baihua/*'],
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from ["']node:|require\(["'](fs|os|path|node:)/);
    expect(code).toContain('tinybench');
  });
});
