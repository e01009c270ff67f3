import { defineConfig } from 'tsup';

const shared = {
  dts: true,
  sourcemap: true,
  target: 'es2022',
  // No shims: tsup's ESM shims import 'path' and 'url', which breaks browser bundles.
  shims: false,
} as const;

export default defineConfig([
  {
    // Node (ESM + CJS): bundle tfjs-core's gradient configs (deep imports into its dist, an ESM tree
    // Node cannot load) but keep the bare package external, so the user's single tfjs-core instance
    // is the one the gradients register with.
    ...shared,
    entry: { index: 'src/index.ts', testing: 'src/testing.ts' },
    format: ['esm', 'cjs'],
    // The CJS build reads __filename where ESM reads import.meta.url (wasm-backend.ts).
    esbuildOptions(options) {
      options.logOverride = { 'empty-import-meta': 'silent' };
    },
    noExternal: [/^@tensorflow\/tfjs-core\/dist\//],
    external: [/^@tensorflow\/tfjs-core$/, /^@tensorflow\/tfjs-backend-/, 'webgpu', 'vitest'],
  },
  {
    // Browsers (the "browser" export condition): bundlers can load tfjs-core's ESM tree, so the deep
    // imports stay external and resolve to the very files the user's tfjs-core already brings:
    // no second copy of any tfjs-core module in the page.
    ...shared,
    entry: { index: 'src/index.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    external: [/^@tensorflow\//, 'webgpu'],
  },
]);
