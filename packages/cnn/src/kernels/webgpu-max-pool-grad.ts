import * as tf from '@tensorflow/tfjs-core';
import { type MaxPoolGradArgs, maxPoolGradInputs } from './max-pool-grad-inputs.js';
import { exactMaxPoolGradKernel } from './wasm-max-pool-grad.js';

/** The part of tfjs-backend-webgpu's WebGPUBackend this kernel uses (typed structurally). */
interface WebGpuProgramBackend {
  runWebGPUProgram(
    program: object,
    inputs: tf.TensorInfo[],
    dtype: tf.DataType,
    uniforms: { type: 'int32'; data: number[] }[],
  ): tf.TensorInfo;
}

/**
 * One thread per input element dx[b, r, c, d]: for every window (i, j) holding (r, c), find the
 * window's first maximum in row-major order (strict `>`, as the cpu backend) and add dy[b, i, j, d]
 * when it sits at (r, c). Padded positions are skipped, as in tfjs's own pooling shaders.
 */
const shader = `
  fn main(index : i32) {
    if (index < uniforms.size) {
      let coords = getCoordsFromIndex(index);
      let batch = coords[0];
      let r = coords[1];
      let c = coords[2];
      let d = coords[3];
      var sum = 0.0;
      for (var i = min((r + uniforms.pads.x) / uniforms.strides.x, uniforms.outDims.x - 1); i >= 0; i = i - 1) {
        let rowStart = i * uniforms.strides.x - uniforms.pads.x;
        if (rowStart + uniforms.filterDims.x <= r) { break; }
        for (var j = min((c + uniforms.pads.y) / uniforms.strides.y, uniforms.outDims.y - 1); j >= 0; j = j - 1) {
          let colStart = j * uniforms.strides.y - uniforms.pads.y;
          if (colStart + uniforms.filterDims.y <= c) { break; }
          var best = 0.0;
          var found = false;
          var atR = -1;
          var atC = -1;
          for (var wr = 0; wr < uniforms.filterDims.x; wr = wr + 1) {
            let xr = rowStart + wr;
            if (xr < 0 || xr >= uniforms.inDims.x) { continue; }
            for (var wc = 0; wc < uniforms.filterDims.y; wc = wc + 1) {
              let xc = colStart + wc;
              if (xc < 0 || xc >= uniforms.inDims.y) { continue; }
              let value = getX(batch, xr, xc, d);
              if (!found || value > best) {
                best = value;
                found = true;
                atR = xr;
                atC = xc;
              }
            }
          }
          if (atR == r && atC == c) { sum = sum + getDy(batch, i, j, d); }
        }
      }
      setOutputAtIndex(index, sum);
    }
  }
`;

/**
 * MaxPoolGrad for tfjs-backend-webgpu with the cpu backend's rule: each window's gradient goes to
 * its first maximum in row-major order. Stock webgpu 4.22 picks the last one (its position shader
 * compares with `>=`), so a tied window (all zeros after ReLU, saturated ReLU6, quantised
 * inputs) trained differently on webgpu. dx[argmax of window (i, j)] += dy[i, j].
 * Inputs as tfjs's MaxPoolGrad (dy, input, output); attrs filterSize, strides, pad, dimRoundingMode.
 */
export function webgpuMaxPoolGrad(args: MaxPoolGradArgs): tf.TensorInfo {
  const backend = args.backend as Partial<WebGpuProgramBackend> | null;
  if (backend === null || typeof backend.runWebGPUProgram !== 'function') {
    throw new Error(`${tf.MaxPoolGrad} (baihua webgpu kernel): the backend is not tfjs-backend-webgpu`);
  }
  const { dy, input, info } = maxPoolGradInputs(args);
  const outputShape = [...input.shape];
  const workgroupSize: [number, number, number] = [64, 1, 1];
  const size = outputShape.reduce((a, b) => a * b, 1);
  const program = {
    variableNames: ['dy', 'x'],
    uniforms: 'strides : vec2<i32>, pads : vec2<i32>, inDims : vec2<i32>, filterDims : vec2<i32>, outDims : vec2<i32>,',
    workgroupSize,
    size: true,
    outputShape,
    dispatchLayout: { x: outputShape.map((_, axis) => axis) },
    dispatch: [Math.ceil(size / workgroupSize[0]), 1, 1],
    shaderKey: 'baihuaMaxPoolGradFirstMaximum',
    getUserCode: () => shader,
  };
  const pair = (data: [number, number]) => ({ type: 'int32' as const, data });
  return backend.runWebGPUProgram(program, [dy, input], 'float32', [
    pair([info.strideHeight, info.strideWidth]),
    pair([info.padInfo.top, info.padInfo.left]),
    pair([info.inHeight, info.inWidth]),
    pair([info.filterHeight, info.filterWidth]),
    pair([info.outHeight, info.outWidth]),
  ]);
}

/** Registration record, under the same name as the wasm one: the MaxPool gradient runs it on webgpu. */
export const webgpuMaxPoolGradConfig: tf.KernelConfig = {
  kernelName: exactMaxPoolGradKernel,
  backendName: 'webgpu',
  kernelFunc: webgpuMaxPoolGrad as unknown as tf.KernelFunc,
};
