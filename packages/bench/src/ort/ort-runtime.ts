/** Which ONNX Runtime a peer row measures: the native CPU build for Node, or the web build's wasm in Node. */
export type OrtFlavour = 'ort-node' | 'ort-wasm';

/** The package each flavour loads. */
export const ortPackage: Record<OrtFlavour, string> = { 'ort-node': 'onnxruntime-node', 'ort-wasm': 'onnxruntime-web' };

/** Threads ONNX Runtime's wasm build gets in Node: one, like tfjs-backend-wasm's default there. */
export const ortWasmThreads = 1;

/** One loaded model: runs a float32 input, returns the first output's values and dims. */
export interface OrtSession {
  run(input: Float32Array, dims: number[]): Promise<{ data: Float32Array; dims: number[] }>;
  release(): Promise<void>;
}

/** A loaded ONNX Runtime. */
export interface OrtRuntime {
  flavour: OrtFlavour;
  createSession(model: Uint8Array): Promise<OrtSession>;
}

/** The subset of onnxruntime-node's and onnxruntime-web's shared API used here. */
interface OrtModule {
  env: { wasm: { numThreads?: number; simd?: boolean } };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => object;
  InferenceSession: {
    create(
      model: Uint8Array,
      options?: { executionProviders?: string[] },
    ): Promise<{
      inputNames: readonly string[];
      outputNames: readonly string[];
      run(feeds: Record<string, object>): Promise<Record<string, { data: unknown; dims: readonly number[] }>>;
      release(): Promise<void>;
    }>;
  };
}

const loaders = new Map<OrtFlavour, () => Promise<unknown>>();
const loading = new Map<OrtFlavour, Promise<OrtRuntime | string>>();

/**
 * Says how to import a flavour's package. The harness is browser-safe, so it imports no runtime
 * itself: the Node command line installs onnxruntime-node and onnxruntime-web (see
 * node-ort-loaders.ts); where nobody does, the ORT rows are skipped with that reason.
 *
 * @example setOrtModuleLoader('ort-wasm', () => import('onnxruntime-web'));
 */
export function setOrtModuleLoader(flavour: OrtFlavour, loader: () => Promise<unknown>): void {
  loaders.set(flavour, loader);
  loading.delete(flavour);
}

/**
 * Loads onnxruntime-node or onnxruntime-web (wasm execution provider, {@link ortWasmThreads}
 * thread) once per process. Resolves with the runtime, or with the reason it cannot load (no
 * loader installed, the package is absent as in the device bundle, or its native binding fails);
 * never rejects.
 *
 * @example
 * const runtime = await loadOrtRuntime('ort-node');
 * if (typeof runtime === 'string') console.log(`no ORT row: ${runtime}`);
 *
 * In plain words: the fastest thing a user could pick instead, if it is installed.
 */
export function loadOrtRuntime(flavour: OrtFlavour): Promise<OrtRuntime | string> {
  let pending = loading.get(flavour);
  if (!pending) {
    const loader = loaders.get(flavour);
    pending = loader
      ? loader().then(
          (ort) => wrap(flavour, ((ort as { default?: OrtModule }).default ?? ort) as OrtModule),
          (error: unknown) => `${ortPackage[flavour]} cannot load: ${firstLine(error)}`,
        )
      : Promise.resolve(`${ortPackage[flavour]}: no loader installed here (the Node command line installs it)`);
    loading.set(flavour, pending);
  }
  return pending;
}

function wrap(flavour: OrtFlavour, ort: OrtModule): OrtRuntime {
  if (flavour === 'ort-wasm') ort.env.wasm.numThreads = ortWasmThreads;
  const executionProviders = flavour === 'ort-wasm' ? ['wasm'] : ['cpu'];
  return {
    flavour,
    async createSession(model) {
      const session = await ort.InferenceSession.create(model, { executionProviders });
      const [inputName] = session.inputNames;
      const [outputName] = session.outputNames;
      if (inputName === undefined || outputName === undefined)
        throw new Error(`${ortPackage[flavour]}: the model has no input or no output`);
      return {
        async run(input, dims) {
          const outputs = await session.run({ [inputName]: new ort.Tensor('float32', input, dims) });
          const output = outputs[outputName] as { data: unknown; dims: readonly number[] };
          return { data: output.data as Float32Array, dims: [...output.dims] };
        },
        release: () => session.release(),
      };
    },
  };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
