import { ArgumentError, ShapeError, describeShape } from '@baihua/core';
import { isRecurrentCell } from '../cells/recurrent-cell.js';
import type { SequenceModel } from './sequence-types.js';

/** The features per step a cell or layer expects; throws when `model` is neither. */
export function sequenceInputSize(functionName: string, argument: string, model: unknown): number {
  if (isRecurrentCell(model)) return model.inputSize;
  if (typeof model === 'object' && model !== null && typeof (model as { run?: unknown }).run === 'function')
    return (model as { inputSize: number }).inputSize;
  throw new ArgumentError(
    functionName,
    `expected ${argument} to be a recurrent cell or a sequence layer, got ${model === null ? 'null' : typeof model}`,
  );
}

/** The units per step a cell or layer outputs. */
export function sequenceOutputSize(model: SequenceModel): number {
  return isRecurrentCell(model) ? model.hiddenSize : model.outputSize;
}

/**
 * The input check of a sequence layer's `apply` after build: any batch and number of steps,
 * `features` per step.
 */
export function checkSequenceApplyShape(
  typeName: string,
  layerName: string,
  inputShape: readonly number[],
  features: number,
): void {
  if (inputShape.length !== 3 || inputShape[2] !== features) {
    throw new ShapeError(
      `${typeName}.apply`,
      `layer '${layerName}' expected input of shape [batch, time, ${features}], got ${describeShape(inputShape)}`,
    );
  }
}
