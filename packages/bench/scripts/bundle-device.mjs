// Builds the self-contained bench bundle for the GPU machine under <repo>/.devbundle/app/
// (see ../shared/device/README.md): one CommonJS file with a single tfjs-core copy, every gradient
// registered, the backends and the suites inside; beside it the tfjs-backend-wasm .wasm files and
// the `webgpu` package (Dawn) pruned to index.js, package.json and dist/linux-x64/dawn.node.
// Run: pnpm --filter @baihua/bench bundle:device
// Then: bash .devbundle/gpu-env.sh node .devbundle/app/bench.cjs --backends webgpu,wasm
// (here, without a GPU: sh scripts/gpu-env.sh node .devbundle/app/bench.cjs --backends webgpu,wasm)
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const appDir = join(packageDir, '..', '..', '.devbundle', 'app');
const require = createRequire(join(packageDir, 'package.json'));

rmSync(appDir, { recursive: true, force: true });
mkdirSync(appDir, { recursive: true });

// import.meta.url does not exist in CommonJS: give the bundled ESM code this file's URL instead.
const shim = join(appDir, 'import-meta-url-shim.js');
writeFileSync(shim, "export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;\n");
// Every case imports its packages by plain specifiers (@baihua/cnn, @baihua/rnn, ...), which esbuild bundles
// through their ESM builds: one copy of @baihua/core (resolving them with require.resolve once picked their
// CommonJS builds and a second core, two layer registries).
const entry = "import('./src/node/bundle-entry.ts');";
await build({
  stdin: { contents: entry, resolveDir: packageDir, sourcefile: 'device-bundle-entry.js', loader: 'js' },
  outfile: join(appDir, 'bench.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  // ONNX Runtime (the ORT peer rows) stays outside: absent there, those rows are skipped with the reason.
  external: ['webgpu', 'onnxruntime-node', 'onnxruntime-web'],
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: [shim],
  logLevel: 'warning',
});
rmSync(shim);

const wasmDist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
for (const file of readdirSync(wasmDist).filter((name) => name.endsWith('.wasm')))
  copyFileSync(join(wasmDist, file), join(appDir, file));

const webgpuDir = dirname(require.resolve('webgpu/package.json'));
mkdirSync(join(appDir, 'webgpu', 'dist', 'linux-x64'), { recursive: true });
for (const file of ['index.js', 'package.json', 'dist/linux-x64/dawn.node'])
  copyFileSync(join(webgpuDir, file), join(appDir, 'webgpu', file));

const size = (path) =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0)
    : statSync(path).size;
console.log(`wrote ${appDir}: ${(size(appDir) / 2 ** 20).toFixed(1)} MiB (${readdirSync(appDir).join(', ')})`);
