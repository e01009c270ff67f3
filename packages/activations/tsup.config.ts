import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Keep function names (relu.name === 'relu'); esbuild would otherwise rename clashes to relu3.
  keepNames: true,
  target: 'es2022',
  external: [/^@tensorflow\//, /^@baihua\//],
});
