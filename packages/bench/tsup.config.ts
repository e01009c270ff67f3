import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    cli: 'src/cli.ts',
    index: 'src/index.ts',
    'browser/index': 'src/browser/index.ts',
    'browser-cli': 'src/browser-cli.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'es2022',
  dts: { entry: { index: 'src/index.ts', 'browser/index': 'src/browser/index.ts' } },
  sourcemap: true,
  clean: true,
  external: [/^@tensorflow\//, /^@baihua\//, 'webgpu', 'tinybench'],
});
