import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // No shims: tsup's ESM shims import 'path' and 'url', which breaks browser bundles.
  shims: false,
  // Bundle tfjs-core's gradient configs (deep imports into its dist) but keep the bare package
  // external, so the user's single tfjs-core instance is the one the gradients register with.
  noExternal: [/^@tensorflow\/tfjs-core\/dist\//],
  external: [/^@tensorflow\/tfjs-core$/, /^@tensorflow\/tfjs-backend-/, 'webgpu', 'vitest'],
});
