import * as tf from '@tensorflow/tfjs-core';
import { isNode } from './runtime.js';
import { prepareWasm, wasmCapabilities } from './wasm-backend.js';
import { activeWasmThreads } from './wasm-thread-setup.js';
import { crossOriginIsolation, defaultWasmThreads } from './wasm-threads.js';
import {
  describeAdapter,
  ensureNavigatorGpu,
  requestAdapter,
  type WebGpuAdapterDescription,
} from './webgpu-backend.js';

/** One backend as {@link describeBackends} sees it. */
export interface BackendDescription {
  name: 'cpu' | 'wasm' | 'webgpu';
  available: boolean;
  /** Why it is unavailable, with the fix. */
  reason?: string;
  /**
   * wasm only: SIMD; whether the threaded build is (or will be) used; the XNNPACK thread count of
   * the running wasm backend, or before its start the default useBackend would ask for; and why
   * threads are off or capped, where they are.
   */
  wasm?: { simd: boolean; threads: boolean; threadsCount: number; threadsNote?: string };
  /** webgpu only, when an adapter was found. */
  adapter?: WebGpuAdapterDescription;
}

/** The environment and every backend's availability and capabilities. */
export interface BackendReport {
  runtime: string;
  activeBackend: string | null;
  backends: BackendDescription[];
}

/**
 * Reports which backends can run here and what they can do: wasm SIMD and threads (with the
 * thread count, and in a browser whether the page is cross-origin isolated, which threads need); the WebGPU
 * adapter's vendor, architecture and description, and whether it is a software fallback such as
 * SwiftShader. Probes without switching the active backend.
 *
 * @example
 * const report = await describeBackends();
 * console.table(report.backends.map((b) => ({ name: b.name, available: b.available })));
 *
 * In plain words: what hardware paths this machine offers before you pick one.
 */
export async function describeBackends(): Promise<BackendReport> {
  const runtime = isNode()
    ? `Node.js ${process.versions.node} (${process.platform}-${process.arch})`
    : describeBrowser();
  let activeBackend: string | null = null;
  try {
    activeBackend = tf.engine().backendName ?? null;
  } catch {
    activeBackend = null;
  }
  return { runtime, activeBackend, backends: [describeCpu(), await describeWasm(), await describeWebGpu()] };
}

function describeCpu(): BackendDescription {
  return { name: 'cpu', available: true };
}

async function describeWasm(): Promise<BackendDescription> {
  if (typeof WebAssembly === 'undefined')
    return { name: 'wasm', available: false, reason: 'this runtime has no WebAssembly' };
  const failure = await prepareWasm({});
  if (failure) return { name: 'wasm', available: false, reason: `${failure.cause}. Fix: ${failure.fix}` };
  const capabilities = await wasmCapabilities();
  const threadsCount = activeWasmThreads() ?? (capabilities.threads ? defaultWasmThreads() : 1);
  const threadsNote = isNode() ? undefined : browserThreadsNote();
  return {
    name: 'wasm',
    available: true,
    wasm: { ...capabilities, threadsCount, ...(threadsNote ? { threadsNote } : {}) },
  };
}

function browserThreadsNote(): string {
  const isolation = crossOriginIsolation();
  if (isolation.note !== undefined) return isolation.note;
  return 'tfjs-backend-wasm caps its thread pool at half of navigator.hardwareConcurrency';
}

async function describeWebGpu(): Promise<BackendDescription> {
  const failure = await ensureNavigatorGpu();
  if (failure) return { name: 'webgpu', available: false, reason: `${failure.cause}. Fix: ${failure.fix}` };
  const adapter = await requestAdapter();
  if (!adapter) return { name: 'webgpu', available: false, reason: 'no WebGPU adapter was found' };
  return { name: 'webgpu', available: true, adapter: await describeAdapter(adapter) };
}

function describeBrowser(): string {
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return agent ? `browser (${agent})` : 'unknown JavaScript runtime';
}
