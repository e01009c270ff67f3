import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, describeShape } from '@baihua/core';
import { isRecurrentCell } from '../cells/recurrent-cell.js';
import type { SequenceModel } from './sequence-types.js';

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value instanceof tf.Tensor ? `a tensor of shape ${describeShape(value.shape)}` : typeof value;
}

/**
 * THE state check of the package, used by `cell.step`, {@link runSequence}, Bidirectional and
 * StackedRnn: `state` must hold, for a cell, each of its `stateNames` as [batch, hiddenSize]; for a
 * sequence layer, one state per entry of its `stateParts` (`{ forward, backward }` or an array),
 * checked the same way. Every failure is a ShapeError that names the argument path:
 * `runSequence: expected initialState.cell of shape [2,4], got undefined`.
 *
 * @example
 * checkState('runSequence', cell, options.initialState, batch, 'initialState');
 *
 * In plain words: the note handed to the first runner must have the right pages, each the right size.
 */
export function checkState(
  functionName: string,
  model: SequenceModel,
  state: unknown,
  batch: number,
  argument: string,
): void {
  if (isRecurrentCell(model)) {
    if (typeof state !== 'object' || state === null || Array.isArray(state) || state instanceof tf.Tensor) {
      throw new ShapeError(
        functionName,
        `expected ${argument} to be { ${model.stateNames.join(', ')} }, got ${describeValue(state)}`,
      );
    }
    const expected = [batch, model.hiddenSize];
    for (const name of model.stateNames) {
      const tensor = (state as Record<string, unknown>)[name];
      const ok =
        tensor instanceof tf.Tensor &&
        tensor.rank === 2 &&
        tensor.shape[0] === batch &&
        tensor.shape[1] === expected[1];
      if (!ok) {
        const got = tensor instanceof tf.Tensor ? `shape ${describeShape(tensor.shape)}` : describeValue(tensor);
        throw new ShapeError(
          functionName,
          `expected ${argument}.${name} of shape ${describeShape(expected)}, got ${got}`,
        );
      }
    }
    return;
  }
  const parts = model.stateParts;
  if (Array.isArray(parts)) {
    if (!Array.isArray(state) || state.length !== parts.length) {
      throw new ShapeError(
        functionName,
        `expected ${argument} to be an array of ${parts.length} states (one per layer), got ${describeValue(state)}`,
      );
    }
    parts.forEach((part, k) => checkState(functionName, part, state[k], batch, `${argument}[${k}]`));
    return;
  }
  const names = Object.keys(parts);
  if (typeof state !== 'object' || state === null || Array.isArray(state) || state instanceof tf.Tensor) {
    throw new ShapeError(
      functionName,
      `expected ${argument} to be { ${names.join(', ')} }, got ${describeValue(state)}`,
    );
  }
  for (const name of names) {
    const part = (parts as Record<string, SequenceModel>)[name] as SequenceModel;
    checkState(functionName, part, (state as Record<string, unknown>)[name], batch, `${argument}.${name}`);
  }
}
