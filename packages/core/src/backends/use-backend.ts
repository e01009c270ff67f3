import './default-cpu.js';
import * as tf from '@tensorflow/tfjs-core';
import { BackendUnavailableError, type BackendFailure } from '../errors/backend-unavailable-error.js';
import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import { verifyActiveBackend } from './verify-backend.js';
import { importOptional } from './runtime.js';
import { errorText, prepareWasm, type WasmBackendOptions } from './wasm-backend.js';
import { startWasm } from './wasm-thread-setup.js';
import { checkWasmThreads } from './wasm-threads.js';
import { prepareWebGpu } from './webgpu-backend.js';

/** The backends baihua knows how to set up; any other name registered with tfjs works as well. */
export type BackendName = 'cpu' | 'wasm' | 'webgpu' | (string & {});

/** Options for {@link useBackend}. */
export interface UseBackendOptions extends WasmBackendOptions {}

/** What {@link useBackend} selected, and why earlier entries of a list were passed over. */
export interface BackendSelection {
  backend: string;
  /** One entry per backend tried before the selected one. */
  skipped: BackendFailure[];
}

/**
 * Initialises and selects a tfjs backend: 'cpu', 'wasm', 'webgpu', or any name registered with
 * tfjs. A list means "the first one that works". Resolves only once a test computation on the
 * backend has returned the right numbers.
 *
 * - wasm: in Node the `.wasm` files are found in the installed package; `wasmPaths` overrides.
 *   `threads` (default: the machine's available parallelism) > 1 runs tfjs's threaded SIMD build,
 *   in Node too (tfjs alone keeps Node on one thread); browsers need cross-origin isolation for it.
 * - webgpu: in Node the optional `webgpu` package (Dawn) provides `navigator.gpu`; in browsers the
 *   browser does. tfjs-backend-webgpu is imported after that, as it requires.
 *
 * @throws BackendUnavailableError naming each backend tried, the cause and the fix.
 * @example
 * const { backend } = await useBackend(['webgpu', 'wasm', 'cpu']);
 * console.log(`running on ${backend}`);
 * await useBackend('wasm', { threads: 2 }); // matMul on two cores
 *
 * In plain words: pick where the arithmetic happens (plain JS, WebAssembly or the GPU).
 */
export async function useBackend(
  names: BackendName | readonly BackendName[],
  options: UseBackendOptions = {},
): Promise<BackendSelection> {
  assertKnownOptions('useBackend', 'options', options, ['wasmPaths', 'threads']);
  checkWasmThreads('useBackend', options.threads);
  const list: unknown[] = typeof names === 'string' ? [names] : Array.isArray(names) ? [...names] : [names];
  if (list.length === 0 || list.some((n) => typeof n !== 'string' || n.length === 0)) {
    throw new ArgumentError(
      'useBackend',
      `expected a backend name or a non-empty list of names, got ${JSON.stringify(names)}`,
    );
  }
  const failures: BackendFailure[] = [];
  for (const name of list as string[]) {
    const failure = await tryBackend(name, options);
    if (!failure) return { backend: name, skipped: failures };
    failures.push(failure);
  }
  throw new BackendUnavailableError(failures);
}

async function tryBackend(name: string, options: UseBackendOptions): Promise<BackendFailure | undefined> {
  const prepared = await prepare(name, options);
  if (prepared) return prepared;
  if (!tf.findBackendFactory(name)) {
    return {
      backend: name,
      cause: 'no backend of this name is registered with tfjs',
      fix: "use 'cpu', 'wasm' or 'webgpu', or import the package that registers it first",
    };
  }
  let selected = false;
  let initError: unknown;
  try {
    selected = await (name === 'wasm' ? startWasm(() => tf.setBackend(name)) : tf.setBackend(name));
  } catch (error) {
    initError = error;
  }
  // setBackend returns false on a failed initialisation while getBackend() may still name it.
  if (!selected || tf.getBackend() !== name) {
    return {
      backend: name,
      cause: `tfjs could not initialise it${initError ? ` (${errorText(initError)})` : ''}`,
      fix: 'see the warning tfjs printed above; try another backend',
      error: initError,
    };
  }
  const wrong = await verifyActiveBackend();
  if (wrong) {
    return {
      backend: name,
      cause: `it initialised but computes wrong results: ${wrong}`,
      fix: 'use another backend or driver',
    };
  }
  return undefined;
}

async function prepare(name: string, options: UseBackendOptions): Promise<BackendFailure | undefined> {
  switch (name) {
    case 'cpu':
      if (tf.findBackendFactory('cpu')) return undefined;
      try {
        await importOptional('@tensorflow/tfjs-backend-cpu');
        return undefined;
      } catch (error) {
        return {
          backend: 'cpu',
          cause: `package @tensorflow/tfjs-backend-cpu could not be imported (${errorText(error)})`,
          fix:
            'install it (npm i @tensorflow/tfjs-backend-cpu@4.22.0); ' +
            "in a browser bundle also add: import '@tensorflow/tfjs-backend-cpu'",
          error,
        };
      }
    case 'wasm':
      return prepareWasm(options);
    case 'webgpu':
      return prepareWebGpu();
    default:
      return undefined;
  }
}
