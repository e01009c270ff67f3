import * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-webgpu's WebGPUBackend the fused kernels use (typed structurally). */
export interface WebGpuStepBackend {
  runWebGPUProgram(
    program: object,
    inputs: tf.TensorInfo[],
    dtype: tf.DataType,
    uniforms: { type: 'int32'; data: number[] }[],
    output?: tf.TensorInfo,
  ): tf.TensorInfo;
  makeTensorInfo(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  device: { limits: { maxStorageBufferBindingSize: number; maxBufferSize: number } };
  disposeData(dataId: object, force?: boolean): boolean;
}

/** Threads per workgroup of every fused dispatch (one thread per (batch row, unit)). */
export const workgroupThreads = 64;

/**
 * The most floats one workspace may hold on this backend's device: the smaller of its largest
 * buffer and its largest storage binding (an H200 through Dawn: 2^31 - 4 bytes; SwiftShader: 1 GiB).
 * @example
 * workspaceLimit(backend); // 536870911 floats on an H200
 * In plain words: how big a scratch pad the GPU lets one kernel see.
 */
export function workspaceLimit(backend: WebGpuStepBackend): number {
  const { maxStorageBufferBindingSize, maxBufferSize } = backend.device.limits;
  return Math.floor(Math.min(maxStorageBufferBindingSize, maxBufferSize) / 4);
}

/** The current backend as a {@link WebGpuStepBackend}, or undefined when it is not tfjs-backend-webgpu. */
export function webgpuStepBackend(): WebGpuStepBackend | undefined {
  const backend = tf.backend() as unknown as Partial<WebGpuStepBackend>;
  return typeof backend.runWebGPUProgram === 'function' &&
    typeof backend.makeTensorInfo === 'function' &&
    backend.device?.limits !== undefined
    ? (backend as WebGpuStepBackend)
    : undefined;
}

/**
 * One dispatch of `threads` threads that may read and write the whole workspace `output` (bound as
 * `result`, read_write) and read `inputs` (bound under `names`). The uniforms are i32 scalars,
 * declared in the order of `uniforms`. A fresh program object per call: tfjs rewrites its key.
 * @example
 * dispatchStep(backend, { key, names: ['proj'], body }, [projected], workspace, threads, { step: 3 });
 * In plain words: one beat of the sequence, run on every unit at once.
 */
export function dispatchStep(
  backend: WebGpuStepBackend,
  shader: { key: string; names: readonly string[]; body: string; components?: readonly number[] },
  inputs: readonly tf.TensorInfo[],
  output: tf.TensorInfo,
  threads: number,
  uniforms: Readonly<Record<string, number>>,
): void {
  const names = Object.keys(uniforms);
  const program = {
    variableNames: [...shader.names],
    ...(shader.components === undefined ? {} : { variableComponents: [...shader.components] }),
    uniforms: names.map((name) => `${name} : i32,`).join(' '),
    workgroupSize: [workgroupThreads, 1, 1] as [number, number, number],
    outputShape: output.shape,
    dispatchLayout: { x: [0] },
    dispatch: [Math.ceil(threads / workgroupThreads), 1, 1],
    shaderKey: `baihuaFusedSequence_${shader.key}_${names.join('_')}`,
    getUserCode: () => shader.body,
  };
  const data = names.map((name) => ({ type: 'int32' as const, data: [uniforms[name] as number] }));
  backend.runWebGPUProgram(program, [...inputs], 'float32', data, output);
}

/**
 * A float32 workspace of `size` values on the backend, handed to `fill` and returned as a tensor
 * tracked by the engine (so tf.tidy and dispose free it); freed again if `fill` throws.
 * @example
 * const ws = withWorkspace(backend, 1024, (info) => dispatchStep(backend, shader, [], info, 64, {}));
 * In plain words: a scratch pad on the GPU that the engine knows about.
 */
export function withWorkspace(
  backend: WebGpuStepBackend,
  size: number,
  fill: (workspace: tf.TensorInfo) => void,
): tf.Tensor1D {
  const info = backend.makeTensorInfo([size], 'float32');
  try {
    fill(info);
  } catch (error) {
    backend.disposeData(info.dataId, true);
    throw error;
  }
  return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor1D;
}
