import * as tf from '@tensorflow/tfjs-core';
import type { BackendFailure } from '../errors/backend-unavailable-error.js';
import { importOptional, isNode, nodeBuiltin } from './runtime.js';
import { configureWasmThreads, type WasmThreadsModule } from './wasm-thread-setup.js';

const wasmPackage = '@tensorflow/tfjs-backend-wasm';
const wasmFiles = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

interface WasmModule extends WasmThreadsModule {
  setWasmPaths(prefixOrFileMap: string | Record<string, string>, usePlatformFetch?: boolean): void;
}

/** Options for the wasm backend. */
export interface WasmBackendOptions {
  /**
   * Folder (path or URL) that holds the `.wasm` files. A trailing '/' is added when missing
   * (tfjs glues the prefix straight onto file names). Default in Node: the installed package's
   * `dist/` folder. In browser bundles the backend is the page's own import: call its
   * `setWasmPaths` yourself (tfjs's default is beside the script); passing wasmPaths there fails clearly.
   */
  wasmPaths?: string;
  /**
   * Threads for the wasm backend's XNNPACK pool (matMul, conv, ...), 1 to 8. Default: Node's
   * `os.availableParallelism()`; in browsers `navigator.hardwareConcurrency` when the page is
   * cross-origin isolated (tfjs then caps it at half that), else 1. More than 1 uses tfjs's
   * threaded SIMD build; in a page without cross-origin isolation that fails with the headers to set.
   * Asking for another count than the running wasm backend has re-creates it (only while no
   * tensor lives on it).
   */
  threads?: number;
}

/** Loads @tensorflow/tfjs-backend-wasm and points it at its `.wasm` files. Returns a failure or undefined. */
export async function prepareWasm(options: WasmBackendOptions): Promise<BackendFailure | undefined> {
  let module: WasmModule;
  try {
    module = (await importOptional(wasmPackage)) as WasmModule;
  } catch (error) {
    if (tf.findBackendFactory('wasm')) {
      // The page bundled the backend itself: its setWasmPaths is out of our reach, so a wasmPaths
      // option cannot take effect; say so instead of failing later on a missing .wasm file.
      if (options.wasmPaths !== undefined && tf.engine().registry.wasm === undefined) {
        return {
          backend: 'wasm',
          cause:
            `the wasmPaths option cannot be applied: ${wasmPackage} is part of this bundle ` +
            'and could not be imported by name',
          fix:
            `call setWasmPaths('${options.wasmPaths}') from '${wasmPackage}' in your code ` +
            "before useBackend('wasm'), and leave out wasmPaths",
        };
      }
      if (options.threads !== undefined && tf.engine().registry.wasm === undefined) {
        return {
          backend: 'wasm',
          cause: `the threads option cannot be applied: ${wasmPackage} is part of this bundle`,
          fix:
            `call setThreadsCount(${options.threads}) from '${wasmPackage}' before useBackend('wasm'), ` +
            'and leave out threads',
        };
      }
      return undefined;
    }
    return {
      backend: 'wasm',
      cause: `package ${wasmPackage} could not be imported (${errorText(error)})`,
      fix: `install it (npm i ${wasmPackage}@4.22.0); in a browser bundle also add: import '${wasmPackage}'`,
      error,
    };
  }
  // Threads (and paths) can only be set before an initialisation; a second useBackend('wasm') reuses it.
  const threadsFailure = configureWasmThreads(module, options.threads, nodeWasmPackageFolder);
  if (threadsFailure) return threadsFailure;
  if (tf.engine().registry.wasm !== undefined) return undefined;
  const prefix = options.wasmPaths ?? defaultNodeWasmFolder();
  if (prefix === undefined) return undefined;
  const withSlash = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const missing = missingWasmFile(withSlash);
  if (missing !== undefined) {
    return {
      backend: 'wasm',
      cause: `wasm file not found: ${missing}`,
      fix: `pass useBackend('wasm', { wasmPaths }) pointing at the folder that holds ${wasmFiles.join(', ')}`,
    };
  }
  module.setWasmPaths(withSlash);
  return undefined;
}

/** The installed package's dist folder, found in Node without configuration. */
function defaultNodeWasmFolder(): string | undefined {
  const pathApi = nodeBuiltin<typeof import('node:path')>('node:path');
  const folder = nodeWasmPackageFolder();
  return folder === undefined || !pathApi ? undefined : pathApi.join(folder, 'dist') + pathApi.sep;
}

/** The installed package's folder, in Node. */
export function nodeWasmPackageFolder(): string | undefined {
  const moduleApi = nodeBuiltin<typeof import('node:module')>('node:module');
  const pathApi = nodeBuiltin<typeof import('node:path')>('node:path');
  if (!moduleApi || !pathApi) return undefined;
  const requireFromCwd = moduleApi.createRequire(pathApi.join(process.cwd(), 'noop.js'));
  // CJS builds have __filename and no import.meta.url; ESM builds the reverse.
  const here = typeof __filename === 'string' ? __filename : import.meta.url;
  const requireFromHere = moduleApi.createRequire(here);
  for (const require of [requireFromHere, requireFromCwd]) {
    try {
      return pathApi.dirname(require.resolve(`${wasmPackage}/package.json`));
    } catch {
      // try the next resolution base
    }
  }
  return undefined;
}

/** In Node, checks that the folder has the wasm files; elsewhere (URLs) trusts the caller. */
function missingWasmFile(prefix: string): string | undefined {
  if (!isNode() || /^[a-z]+:\/\//i.test(prefix)) return undefined;
  const fs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  if (!fs) return undefined;
  return wasmFiles.map((file) => prefix + file).find((file) => !fs.existsSync(file));
}

/** SIMD and thread support as the wasm backend sees them (flags registered by tfjs-backend-wasm). */
export async function wasmCapabilities(): Promise<{ simd: boolean; threads: boolean }> {
  const flags = tf.env();
  const read = async (flag: string) => {
    try {
      return Boolean(await flags.getAsync(flag));
    } catch {
      return false;
    }
  };
  return { simd: await read('WASM_HAS_SIMD_SUPPORT'), threads: await read('WASM_HAS_MULTITHREAD_SUPPORT') };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
