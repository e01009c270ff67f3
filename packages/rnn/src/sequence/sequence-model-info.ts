import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
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

/** The trainable variables of a cell or layer. */
export function sequenceVariables(model: SequenceModel): tf.Variable[] {
  return model.trainableVariables();
}

/** The scalar parameter count of a cell or layer. */
export function sequenceParameterCount(model: SequenceModel): number {
  return model.parameterCount();
}
