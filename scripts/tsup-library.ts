// The tsup settings of the area packages (activations, losses, cnn, rnn): one entry, ESM + CJS +
// .d.ts, with tfjs and the other baihua packages left to the user's install. Core has its own
// config (it bundles tfjs-core's gradient configs and has a browser build).
import { defineConfig, type Options } from 'tsup';

export function libraryConfig(overrides: Options = {}) {
  return defineConfig({
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    external: [/^@tensorflow\//, /^@baihua\//],
    ...overrides,
  });
}
