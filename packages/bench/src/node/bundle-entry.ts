// Entry of the self-contained device bundle (.devbundle/app/bench.cjs, built by scripts/bundle-device.mjs):
// tfjs-core, the backends, @baihua/core and the suites are bundled; beside this file lie the wasm
// files and the pruned `webgpu` package (Dawn), loaded by absolute path.
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from './main.js';

declare const __dirname: string;

interface DawnModule {
  create(flags: string[]): unknown;
  globals: Record<string, unknown>;
}

async function installDawn(folder: string): Promise<void> {
  const entry = join(folder, 'webgpu', 'index.js');
  if (!existsSync(entry)) {
    process.stderr.write(`webgpu: ${entry} not found, webgpu will be unavailable\n`);
    return;
  }
  const dawn = (await import(pathToFileURL(entry).href)) as DawnModule;
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  // tfjs-backend-webgpu registers itself only if navigator.gpu exists when it is evaluated.
  await import('@tensorflow/tfjs-backend-webgpu');
}

async function main(): Promise<number> {
  setWasmPaths(`${__dirname}/`);
  await installDawn(__dirname);
  const outFolder =
    process.env.BAIHUA_BENCH_OUT ??
    (process.env.OUT ? join(process.env.OUT, 'bench-results') : join(process.cwd(), 'bench-results'));
  return runCli(process.argv.slice(2), { outFolder });
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
