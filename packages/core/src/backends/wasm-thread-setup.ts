import * as tf from '@tensorflow/tfjs-core';
import type { BackendFailure } from '../errors/backend-unavailable-error.js';
import { isNode } from './runtime.js';
import { installNodeWasmWorkers, withLogicalCores } from './wasm-node-threads.js';
import { recreateWasmIfThreadsDiffer } from './wasm-restart.js';
import { crossOriginIsolation, defaultWasmThreads } from './wasm-threads.js';

/** The thread functions of @tensorflow/tfjs-backend-wasm. */
export interface WasmThreadsModule {
  setThreadsCount(threads: number): void;
  getThreadsCount(): number;
}

/** The thread count the next initialisation in Node must see cores for (see withLogicalCores). */
let pendingNodeThreads = 1;
/** The installed tfjs-backend-wasm folder, for the worker scripts of a threaded start in Node. */
let pendingPackageFolder: string | undefined;
/** The threads asked for when the running wasm backend was configured. */
let configuredThreads: number | undefined;
let loadedModule: WasmThreadsModule | undefined;

/**
 * Before tfjs initialises wasm: re-creates a running wasm backend whose thread count differs from
 * `asked`; then, when none runs, picks the single-threaded SIMD build (1 thread) or the threaded one
 * (in Node with the worker shim of wasm-node-threads.ts; in browsers only on a cross-origin-isolated
 * page) and tells tfjs the count. Returns a failure with its fix, or undefined.
 */
export function configureWasmThreads(
  module: WasmThreadsModule,
  asked: number | undefined,
  packageFolder: () => string | undefined,
): BackendFailure | undefined {
  loadedModule = module;
  recreateWasmIfThreadsDiffer(asked, configuredThreads ?? activeWasmThreads());
  if (tf.engine().registry.wasm !== undefined) return undefined;
  const threads = asked ?? defaultWasmThreads();
  pendingNodeThreads = 1;
  configuredThreads = threads;
  if (threads === 1) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    module.setThreadsCount(1);
    return undefined;
  }
  if (!isNode()) {
    const isolation = crossOriginIsolation();
    if (!isolation.isolated) {
      const cause = `${threads} threads were asked for, but ${isolation.note}`;
      return { backend: 'wasm', cause, fix: 'set those headers, or pass { threads: 1 }' };
    }
    module.setThreadsCount(threads);
    return undefined;
  }
  const folder = packageFolder();
  const missing =
    folder === undefined
      ? '@tensorflow/tfjs-backend-wasm was not found on disk'
      : typeof SharedArrayBuffer === 'undefined'
        ? 'this Node.js has no SharedArrayBuffer'
        : undefined;
  if (folder === undefined || missing !== undefined) {
    return { backend: 'wasm', cause: `${threads} threads were asked for, but ${missing}`, fix: 'pass { threads: 1 }' };
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  module.setThreadsCount(threads);
  pendingNodeThreads = threads;
  pendingPackageFolder = folder;
  return undefined;
}

/**
 * Runs tfjs's wasm initialisation (`tf.setBackend('wasm')`); for a threaded start in Node, with the
 * worker shim installed and the logical-core count the asked threads need (see wasm-node-threads.ts).
 */
export function startWasm<T>(start: () => Promise<T>): Promise<T> {
  const threads = pendingNodeThreads;
  pendingNodeThreads = 1;
  if (threads === 1 || pendingPackageFolder === undefined) return start();
  installNodeWasmWorkers(pendingPackageFolder);
  return withLogicalCores(threads, start);
}

/** The running wasm backend's XNNPACK thread count, or undefined before its initialisation. */
export function activeWasmThreads(): number | undefined {
  if (loadedModule === undefined || tf.engine().registry.wasm === undefined) return undefined;
  try {
    return loadedModule.getThreadsCount();
  } catch {
    return undefined;
  }
}
