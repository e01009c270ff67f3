// Test support (not exported): runs an exported model in onnxruntime-node beside baihua's own output.
import type { Layer } from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';
import type * as Ort from 'onnxruntime-node';
import { exportOnnx } from '../export-onnx.js';
import type { ExportOnnxOptions } from '../export-options.js';

/** onnxruntime-node, or the reason it cannot load here. */
export async function loadOrt(): Promise<typeof Ort | string> {
  try {
    return (await import('onnxruntime-node')) as typeof Ort;
  } catch (error) {
    return `onnxruntime-node cannot load: ${(error as Error).message}`;
  }
}

/** The largest |baihua - onnxruntime| over every output, running both on the same inputs. */
export async function ortMaxDiff(
  ort: typeof Ort,
  model: Layer,
  inputs: tf.Tensor[],
  options?: ExportOnnxOptions,
): Promise<number> {
  const bytes = exportOnnx(model as never, options);
  const session = await ort.InferenceSession.create(bytes);
  const feeds: Record<string, Ort.Tensor> = {};
  for (const [i, x] of inputs.entries()) {
    const data = await x.data();
    feeds[session.inputNames[i] as string] = new ort.Tensor(
      x.dtype === 'int32' ? 'int32' : 'float32',
      data as Float32Array,
      x.shape,
    );
  }
  const results = await session.run(feeds);
  const expected = model.applyMulti(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs);
  let worst = 0;
  for (const [i, e] of expected.entries()) {
    const got = results[session.outputNames[i] as string] as Ort.Tensor;
    const want = await e.data();
    if (got.dims.join() !== e.shape.join())
      throw new Error(`output ${i}: onnxruntime shape [${got.dims}] vs baihua [${e.shape}]`);
    const data = got.data as Float32Array;
    for (let k = 0; k < want.length; k++) worst = Math.max(worst, Math.abs((data[k] as number) - (want[k] as number)));
    e.dispose();
  }
  await session.release();
  return worst;
}

/** The parity table the tests fill (layer kind -> max |diff|), printed once at the end. */
export const parityTable = new Map<string, number>();

/** Prints the table as `kind  max|diff|` lines. */
export function printParityTable(): void {
  const rows = [...parityTable].map(([kind, diff]) => `${kind.padEnd(52)} ${diff.toExponential(2)}`);
  console.log(['ONNX export parity (baihua vs onnxruntime-node, max |diff|):', ...rows].join('\n'));
}
