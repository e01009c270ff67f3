import * as tf from '@tensorflow/tfjs-core';
import type { WebGpuStepBackend } from './webgpu-step-program.js';

/** Rows and vec4 columns of the output each thread computes. */
const rowTile = 8;
const columnTile = 4;
const workgroup = 64;

function source(withBias: boolean): string {
  const rows = Array.from({ length: rowTile }, (_, r) => r);
  const columns = Array.from({ length: columnTile }, (_, c) => c);
  const each = <T>(list: T[], line: (item: T) => string, joiner = '\n') => list.map(line).join(joiner);
  return `
    fn main(index : i32) {
      let M = uniforms.m; let K = uniforms.k; let N4 = uniforms.n / 4;
      let blocks = (N4 + ${columnTile - 1}) / ${columnTile};
      if (index >= ((M + ${rowTile - 1}) / ${rowTile}) * blocks) { return; }
      let m0 = (index / blocks) * ${rowTile};
      let n0 = (index - (index / blocks) * blocks) * ${columnTile};
      ${each(rows, (r) => `let a${r} = min(m0 + ${r}, M - 1) * K;`)}
      ${each(rows, (r) => each(columns, (c) => `var c${r}_${c} = vec4<f32>(0.0);`, ' '))}
      for (var k = 0; k < K; k = k + 1) {
        ${each(columns, (c) => `let w${c} = B[k * N4 + min(n0 + ${c}, N4 - 1)];`, ' ')}
        ${each(rows, (r) => `let x${r} = A[a${r} + k];`, ' ')}
        ${each(rows, (r) => each(columns, (c) => `c${r}_${c} = c${r}_${c} + x${r} * w${c};`, ' '))}
      }
      ${each(columns, (c) => `let b${c} = ${withBias ? `bias[min(n0 + ${c}, N4 - 1)]` : 'vec4<f32>(0.0)'};`, ' ')}
      ${each(rows, (r) =>
        each(
          columns,
          (c) => `if (m0 + ${r} < M && n0 + ${c} < N4) {
            let o = (m0 + ${r}) * N4 + n0 + ${c}; let v = c${r}_${c} + b${c};
            result[4 * o] = v.x; result[4 * o + 1] = v.y; result[4 * o + 2] = v.z; result[4 * o + 3] = v.w;
          }`,
        ),
      )}
    }`;
}

/**
 * a [M, K] times b [K, N] (+ bias [N]) in one WGSL dispatch without workgroup memory or barriers:
 * each thread keeps an 8-row by 16-column block of the result in registers, reading b as vec4.
 * For software adapters (see adapter-tiling.ts), where it measured about 10x tfjs's matMul; GPUs
 * keep tfjs's. Needs N divisible by 4 (callers fall back to tf.matMul otherwise). Forward only.
 * @example
 * const y = tiledMatMul(backend, x2d, kernel, bias); // [M, N]
 * In plain words: a matrix product cut into pieces a CPU-run shader handles well.
 */
export function tiledMatMul(
  backend: WebGpuStepBackend,
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  bias?: tf.Tensor1D,
): tf.Tensor2D {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const threads = Math.ceil(m / rowTile) * Math.ceil(n / 4 / columnTile);
  const withBias = bias !== undefined;
  const program = {
    variableNames: withBias ? ['A', 'B', 'bias'] : ['A', 'B'],
    variableComponents: withBias ? [1, 4, 4] : [1, 4],
    uniforms: 'm : i32, k : i32, n : i32,',
    workgroupSize: [workgroup, 1, 1] as [number, number, number],
    outputShape: [m, n],
    dispatchLayout: { x: [0] },
    dispatch: [Math.ceil(threads / workgroup), 1, 1],
    shaderKey: `baihuaTiledMatMul_${withBias}`,
    getUserCode: () => source(withBias),
  };
  const uniforms = [m, k, n].map((value) => ({ type: 'int32' as const, data: [value] }));
  const inputs = withBias ? [a, b, bias] : [a, b];
  const info = backend.runWebGPUProgram(program, inputs, 'float32', uniforms);
  return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor2D;
}

/**
 * x W + b as a differentiable op whose forward is {@link tiledMatMul} and whose gradient is tfjs's
 * (dx = dy W^T, dW = x^T dy, db = Σ dy). W is [K, N] (keras layout), N divisible by 4.
 * @example
 * const projected = tiledProjection(backend, x2d, kernel, bias);
 * In plain words: the input projection, fast on a software GPU, trainable as usual.
 */
export function tiledProjection(
  backend: WebGpuStepBackend,
  x: tf.Tensor2D,
  kernel: tf.Tensor2D,
  bias?: tf.Tensor1D,
): tf.Tensor2D {
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const [a, w, b] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D | undefined];
    save([a, w]);
    const value = tiledMatMul(backend, a, w, b);
    const gradFunc = (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [savedX, savedW] = saved as [tf.Tensor2D, tf.Tensor2D];
      const grad = dy as tf.Tensor2D;
      const grads = [tf.matMul(grad, savedW, false, true), tf.matMul(savedX, grad, true, false)];
      return b === undefined ? grads : [...grads, tf.sum(grad, 0)];
    };
    return { value, gradFunc };
  });
  return (bias === undefined ? run(x, kernel) : run(x, kernel, bias)) as tf.Tensor2D;
}
