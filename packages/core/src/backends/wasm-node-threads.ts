import { nodeBuiltin } from './runtime.js';

type NodeWorkerClass = typeof import('node:worker_threads').Worker;
type NodeWorkerOptions = import('node:worker_threads').WorkerOptions;

const installedMarker = Symbol.for('baihua.wasmNodeWorker');

/**
 * Lets tfjs-backend-wasm's threaded build start its pthreads in Node.js. Its Emscripten glue has a
 * worker_threads path, but tfjs hands it two things Node cannot load:
 * - the worker script as a `blob:` URL (`locateFile('...worker.js')`): worker_threads takes only
 *   file paths and file:/data: URLs. The same script ships in the package (`wasm-out/*.worker.js`),
 *   so a worker asked for that Blob (recognised by its size) is started from that text instead
 *   (`eval: true`);
 * - the main script as a `Blob` in the 'load' message (`mainScriptUrlOrBlob`), which the worker
 *   reads with `fs.readFileSync`; it is also the bundled glue's `toString()`, which refers to
 *   variables of the Node bundle that do not exist in a worker. The message gets the path of the
 *   package's own glue file (`wasm-out/tfjs-backend-wasm-threaded-simd.js`) instead.
 * The glue assigns `globalThis.Worker = worker_threads.Worker` when it starts; the accessor
 * installed here (just before the first threaded start) answers with the subclass below, which
 * passes every other script to worker_threads unchanged, and keeps any other assignment.
 * The glue also `ref()`s a worker while a pthread runs on it: XNNPACK's thread pool runs for the
 * whole life of the backend, so that would keep Node from exiting; ref() is a no-op here (the main
 * thread waits for the pool's work synchronously, so nothing is lost).
 *
 * In plain words: hand Node the helper-thread files the way Node can open them.
 */
export function installNodeWasmWorkers(packageFolder: string): void {
  const threads = nodeBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
  const moduleApi = nodeBuiltin<typeof import('node:module')>('node:module');
  const pathApi = nodeBuiltin<typeof import('node:path')>('node:path');
  if (!threads || !moduleApi || !pathApi) return;
  if (installedMarker in globalThis) return;
  const wasmOut = pathApi.join(packageFolder, 'wasm-out');
  const require = moduleApi.createRequire(pathApi.join(packageFolder, 'package.json'));
  const contents = (
    require(pathApi.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js')) as {
      wasmWorkerContents: string;
    }
  ).wasmWorkerContents;
  // tfjs escapes the newlines inside the script's string literals the same way before making its Blob.
  const workerScript = contents.replace(/\n/g, '\\n');
  const mainScript = pathApi.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js');
  const buffers = nodeBuiltin<typeof import('node:buffer')>('node:buffer');
  const scriptBytes = buffers?.Buffer.byteLength(workerScript) ?? -1;
  // Only tfjs's own worker Blob is replaced (same size as the packaged script); any other URL goes to Node as given.
  const isTfjsWorkerBlob = (url: string) => buffers?.resolveObjectURL(url)?.size === scriptBytes;
  const TfjsWasmWorker = workerClass(threads.Worker, workerScript, mainScript, isTfjsWorkerBlob);
  let assigned: unknown;
  Object.defineProperty(globalThis, 'Worker', {
    configurable: true,
    get: () => assigned ?? TfjsWasmWorker,
    set: (value: unknown) => {
      assigned = value === threads.Worker ? undefined : value;
    },
  });
  Object.defineProperty(globalThis, installedMarker, { value: true });
}

function workerClass(
  NodeWorker: NodeWorkerClass,
  workerScript: string,
  mainScript: string,
  isTfjsWorkerBlob: (url: string) => boolean,
): NodeWorkerClass {
  return class TfjsWasmWorker extends NodeWorker {
    readonly #runsTfjs: boolean;

    constructor(file: string | URL, options?: NodeWorkerOptions) {
      const fromBlob = typeof file === 'string' && file.startsWith('blob:') && isTfjsWorkerBlob(file);
      // The script is CommonJS: a parent started with --input-type=module would make it ESM.
      const evalOptions = { ...options, eval: true, execArgv: commonJsExecArgv(options?.execArgv ?? process.execArgv) };
      super(fromBlob ? workerScript : file, fromBlob ? evalOptions : options);
      this.#runsTfjs = fromBlob;
    }

    override postMessage(message: unknown, transfer?: readonly import('node:worker_threads').Transferable[]): void {
      const load = message as { cmd?: unknown; urlOrBlob?: unknown } | null;
      const patched =
        this.#runsTfjs &&
        load !== null &&
        typeof load === 'object' &&
        load.cmd === 'load' &&
        typeof load.urlOrBlob !== 'string'
          ? { ...load, urlOrBlob: mainScript }
          : message;
      super.postMessage(patched, transfer);
    }

    override ref(): void {
      if (!this.#runsTfjs) super.ref();
    }
  };
}

function commonJsExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i += 1) {
    const arg = execArgv[i] as string;
    if (arg === '--input-type') i += 1;
    else if (!arg.startsWith('--input-type=')) kept.push(arg);
  }
  return kept;
}

/**
 * Runs `start` (the wasm backend's first initialisation) while Node reports `2 * threads` logical
 * cores. tfjs-backend-wasm's C++ caps its XNNPACK pool at half the logical cores Emscripten reports
 * (`emscripten_num_logical_cores() / 2`, 4.22 backend.cc: it assumes two hyperthreads per core), read
 * once from `os.cpus().length` when the module starts: on a 2-vCPU machine that would be one thread
 * whatever was asked. `os.cpus` is restored as soon as `start` settles.
 */
export async function withLogicalCores<T>(threads: number, start: () => Promise<T>): Promise<T> {
  const os = nodeBuiltin<typeof import('node:os')>('node:os');
  if (!os) return start();
  const original = os.cpus;
  os.cpus = () => {
    const cpus = original();
    return Array.from({ length: 2 * threads }, (_, i) => cpus[i % cpus.length] as (typeof cpus)[number]);
  };
  try {
    return await start();
  } finally {
    os.cpus = original;
  }
}
