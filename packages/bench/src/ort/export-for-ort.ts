import type { Sequential } from '@baihua/core';
import { OrtUnavailableError } from './ort-unavailable-error.js';

/** A baihua model the bench exports to ONNX for the ORT rows. */
export type ExportableModel = Sequential;

/**
 * The model as ONNX bytes, through @baihua/onnx's exportOnnx (dynamic batch, the model's own
 * input layout). Throws {@link OrtUnavailableError} when @baihua/onnx cannot load (the row is then
 * skipped with the reason); the exporter's own refusals (a layer with no ONNX form) stay errors.
 *
 * @example const bytes = await exportForOrt(lenet5({ seed: 1 }), [16, 32, 32, 1]);
 *
 * In plain words: the very model ours runs, written in the format ONNX Runtime reads.
 */
export async function exportForOrt(model: ExportableModel, inputShape: number[]): Promise<Uint8Array> {
  let onnx: typeof import('@baihua/onnx');
  try {
    onnx = await import('@baihua/onnx');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new OrtUnavailableError(`@baihua/onnx cannot load: ${reason}`);
  }
  model.ensureBuilt(inputShape);
  return onnx.exportOnnx(model, { docString: 'exported by @baihua/bench for the ORT peer rows' });
}
