// A Vite plugin that serves the site's generated and copied binaries: tfjs-backend-wasm's three
// .wasm files under wasm/, the MNIST digits under data/ and the pretrained LeNet-5 under models/.
// The dev server answers them from memory (with the isolation headers); `vite build` writes them
// into dist/ beside the pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { isolationHeaders } from './isolation-headers.js';
import { mnistAsset } from './mnist-asset.js';

const wasmFiles = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/** Asset path (below the site's base) -> how to make its bytes. */
function siteAssets(): Map<string, () => Uint8Array> {
  const require = createRequire(import.meta.url);
  const wasmDist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  const assets = new Map<string, () => Uint8Array>();
  for (const file of wasmFiles) assets.set(`wasm/${file}`, () => readFileSync(join(wasmDist, file)));
  assets.set('data/mnist-digits.gz.bin', () => mnistAsset());
  const models = fileURLToPath(new URL('../models/', import.meta.url));
  for (const file of ['lenet5/model.json', 'lenet5/weights.bin'])
    assets.set(`models/${file}`, () => readFileSync(join(models, file)));
  return assets;
}

/**
 * Serves (dev) and emits (build) the wasm binaries, the MNIST digit file and the pretrained model.
 * @example defineConfig({ plugins: [siteAssetsPlugin()] })
 * In plain words: puts the site's binary files where the pages look for them.
 */
export function siteAssetsPlugin(): Plugin {
  const assets = siteAssets();
  const made = new Map<string, Uint8Array>();
  const bytesOf = (name: string) => {
    let bytes = made.get(name);
    if (!bytes) {
      bytes = (assets.get(name) as () => Uint8Array)();
      made.set(name, bytes);
    }
    return bytes;
  };
  let base = '/';
  return {
    name: 'baihua-site-assets',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = (request.url ?? '').split('?')[0]?.slice(base.length) ?? '';
        if (!assets.has(name)) return next();
        const type = name.endsWith('.wasm')
          ? 'application/wasm'
          : name.endsWith('.json')
            ? 'application/json'
            : 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, ...isolationHeaders }).end(bytesOf(name));
      });
    },
    generateBundle() {
      for (const name of assets.keys()) this.emitFile({ type: 'asset', fileName: name, source: bytesOf(name) });
    },
  };
}
