import { ArgumentError } from '../errors/argument-error.js';
import { isNode, nodeBuiltin } from './runtime.js';

/** tfjs-backend-wasm 4.22 pre-starts 8 workers and caps its XNNPACK pool at 8 threads (backend.cc). */
export const maxWasmThreads = 8;

/**
 * Checks `options.threads` of useBackend: a whole number from 1 to {@link maxWasmThreads}, or
 * undefined (the default). Throws ArgumentError naming the value otherwise.
 */
export function checkWasmThreads(functionName: string, threads: unknown): number | undefined {
  if (threads === undefined) return undefined;
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1 || threads > maxWasmThreads) {
    const got = typeof threads === 'number' ? String(threads) : `${typeof threads} ${JSON.stringify(threads)}`;
    throw new ArgumentError(
      functionName,
      `expected options.threads to be a whole number from 1 to ${maxWasmThreads} ` +
        `(tfjs-backend-wasm's thread pool holds at most ${maxWasmThreads}), got ${got}`,
    );
  }
  return threads;
}

/**
 * The thread count `useBackend('wasm')` asks for when `threads` is left out: in Node, the
 * environment variable `BAIHUA_WASM_THREADS` when set (1 to 8; for machines whose cores other
 * processes already fill, where a second thread waits on a descheduled one and runs slower than
 * one), else `os.availableParallelism()` (capped at 8, the most tfjs-backend-wasm's pool holds); in a
 * cross-origin-isolated page, `navigator.hardwareConcurrency` (tfjs then caps it at half that);
 * elsewhere 1.
 *
 * @example
 * defaultWasmThreads(); // 2 on a 2-core machine
 * await useBackend('wasm', { threads: 1 }); // compare with a single thread
 *
 * In plain words: how many helpers wasm gets unless you say otherwise.
 */
export function defaultWasmThreads(): number {
  if (isNode()) {
    const fromEnvironment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
      ?.BAIHUA_WASM_THREADS;
    if (fromEnvironment !== undefined && fromEnvironment !== '') return threadsFromEnvironment(fromEnvironment);
    const os = nodeBuiltin<typeof import('node:os')>('node:os');
    const cores = os ? (os.availableParallelism?.() ?? os.cpus().length) : 1;
    return Math.max(1, Math.min(maxWasmThreads, cores));
  }
  if (!crossOriginIsolation().isolated) return 1;
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return Math.max(1, Math.min(maxWasmThreads, cores ?? 1));
}

/** `BAIHUA_WASM_THREADS` as a thread count, or an ArgumentError naming the variable and its value. */
function threadsFromEnvironment(value: string): number {
  const threads = Number(value);
  if (!/^\d+$/.test(value.trim()) || threads < 1 || threads > maxWasmThreads) {
    throw new ArgumentError(
      'defaultWasmThreads',
      `expected the environment variable BAIHUA_WASM_THREADS to be a whole number from 1 to ${maxWasmThreads}, ` +
        `got ${JSON.stringify(value)}`,
    );
  }
  return threads;
}

/**
 * Whether this page may share memory between threads (`crossOriginIsolated`): browsers give
 * SharedArrayBuffer, and so WASM threads, only to pages served with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`.
 * Node is always allowed. `scope` and `node` are for tests.
 */
export function crossOriginIsolation(
  scope: { crossOriginIsolated?: boolean } = globalThis as { crossOriginIsolated?: boolean },
  node: boolean = isNode(),
): { isolated: boolean; note?: string } {
  if (node || scope.crossOriginIsolated === true) return { isolated: true };
  return {
    isolated: false,
    note:
      'this page is not cross-origin isolated (crossOriginIsolated is false), so WASM threads are off: ' +
      'serve it with the headers Cross-Origin-Opener-Policy: same-origin and ' +
      'Cross-Origin-Embedder-Policy: require-corp',
  };
}
