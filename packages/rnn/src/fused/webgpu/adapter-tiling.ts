/**
 * How the fused WGSL kernels split their work among threads: `rows` batch rows and `units` hidden
 * units per thread in the forward step, and whether x W + b runs through {@link tiledMatMul}
 * instead of tfjs's matMul.
 */
export interface FusedTiling {
  rows: number;
  units: number;
  tiledProjection: boolean;
}

/**
 * GPUs: one thread per (row, unit), tfjs's own matMul (shared-memory tiles); measured on an H200.
 * Software adapters (SwiftShader, Chrome's fallback adapter; llvmpipe, lavapipe) run each workgroup
 * on CPU threads, where workgroup barriers are expensive and every thread's loads are emulated:
 * there, 8 rows x 4 units per thread in the step and the barrier-free tiled matMul measured about
 * 10x tfjs's matMul on SwiftShader (0.9 vs 0.09 GFLOP/s at 6400x256x1024, same run).
 */
const gpuTiling: FusedTiling = { rows: 1, units: 1, tiledProjection: false };
const softwareTiling: FusedTiling = { rows: 8, units: 4, tiledProjection: true };

type TilingChoice = 'auto' | 'gpu' | 'software';
let choice: TilingChoice = 'auto';

/**
 * Forces the tiling the fused WGSL kernels use ('auto': by the adapter). Returns the previous
 * choice. For tests, which check both kinds on the adapter they have.
 * @example
 * const before = setFusedWebGpuTiling('gpu'); try { ... } finally { setFusedWebGpuTiling(before); }
 * In plain words: pretend the adapter is a GPU (or a CPU) to test the other road.
 */
export function setFusedWebGpuTiling(next: TilingChoice): TilingChoice {
  const previous = choice;
  choice = next;
  return previous;
}

/** The adapter facts tfjs-backend-webgpu keeps (its AdapterInfo: vendor and architecture). */
interface AdapterFacts {
  adapterInfo?: { vendor?: string; architecture?: string };
}

/**
 * The tiling for this backend's adapter: software adapters get {@link softwareTiling}.
 * @example
 * fusedTiling(tf.backend()).rows; // 8 on SwiftShader, 1 on a GPU
 * In plain words: work split for a real GPU, or for a CPU pretending to be one.
 */
export function fusedTiling(backend: object): FusedTiling {
  if (choice !== 'auto') return choice === 'software' ? softwareTiling : gpuTiling;
  const info = (backend as AdapterFacts).adapterInfo;
  const described = `${info?.vendor ?? ''} ${info?.architecture ?? ''}`.toLowerCase();
  return /swiftshader|llvmpipe|lavapipe|software/.test(described) ? softwareTiling : gpuTiling;
}
