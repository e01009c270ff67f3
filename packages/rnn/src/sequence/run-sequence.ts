import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertKnownOptions } from '@baihua/core';
import { type RecurrentCell, type RecurrentState, isRecurrentCell } from '../cells/recurrent-cell.js';
import { fusedSequenceRunnerFor } from '../fused/fused-sequence-registry.js';
import { checkState } from './check-state.js';
import { checkMask, checkSequenceInput } from './sequence-checks.js';
import { unstackSteps } from './unstack-steps.js';
import {
  type FinalStateOf,
  type RunSequenceOptions,
  type SequenceModel,
  type SequenceResult,
  runSequenceOptionKeys,
} from './sequence-types.js';

/**
 * Runs a cell (or a Bidirectional / StackedRnn layer) over x [batch, time, features]:
 * state_t = cell(x_t, state_{t-1}), outputs_t = hidden_t. The input side of all gates is projected
 * for all steps in one matMul; each step then costs one recurrent matMul for all gates.
 * - `reverse`: steps run from t = T-1 down to 0, and outputs[t] is the output produced at input step t.
 * - `mask` [batch, time]: a masked step keeps the previous state and outputs zeros, so a right-padded
 *   sequence run in reverse starts at its last valid step.
 * - `returnSequences: false`: outputs is the hidden state after the last valid step, [batch, units].
 * Returns `{ outputs, finalState }`, the state named (`{ hidden }` or `{ hidden, cell }`).
 * Differentiable with respect to x, the initial state and the cell's parameters.
 *
 * @example
 * const cell = new LstmCell({ inputSize: 3, hiddenSize: 4 });
 * const { outputs, finalState } = runSequence(cell, x); // outputs [2, 5, 4], finalState.cell [2, 4]
 *
 * In plain words: pass the note down the line of runners, one word at a time, and keep every note.
 */
export function runSequence<M extends SequenceModel>(
  model: M,
  x: tf.Tensor,
  options: RunSequenceOptions<FinalStateOf<M>> = {},
): SequenceResult<FinalStateOf<M>> {
  assertKnownOptions('runSequence', 'options', options, runSequenceOptionKeys);
  if (isRecurrentCell(model))
    return runCell(model, x, options as RunSequenceOptions<RecurrentState>) as SequenceResult<FinalStateOf<M>>;
  if (typeof model === 'object' && model !== null && typeof (model as { run?: unknown }).run === 'function') {
    return model.run(x, options as RunSequenceOptions) as SequenceResult<FinalStateOf<M>>;
  }
  throw new ArgumentError(
    'runSequence',
    `expected a recurrent cell or a sequence layer (an object with run), got ${model === null ? 'null' : typeof model}`,
  );
}

function runCell<S extends RecurrentState>(
  cell: RecurrentCell<S>,
  x: tf.Tensor,
  options: RunSequenceOptions<S>,
): SequenceResult<S> {
  const functionName = 'runSequence';
  checkSequenceInput(functionName, x, cell.inputSize);
  const [batch, time, features] = x.shape as [number, number, number];
  checkMask(functionName, options.mask, batch, time);
  if (options.initialState !== undefined) checkState(functionName, cell, options.initialState, batch, 'initialState');
  const fused = fusedSequenceRunnerFor(
    cell as unknown as RecurrentCell,
    x,
    options as RunSequenceOptions<RecurrentState>,
  );
  if (fused)
    return fused.run(
      cell as unknown as RecurrentCell,
      x,
      options as RunSequenceOptions<RecurrentState>,
    ) as SequenceResult<S>;
  const { returnSequences = true, reverse = false, mask } = options;
  return tf.tidy(() => {
    const projected = tf.reshape(cell.projectInput(tf.reshape(x, [batch * time, features])), [
      batch,
      time,
      cell.gateCount * cell.hiddenSize,
    ]);
    const steps = unstackSteps(projected as tf.Tensor3D);
    const masks =
      mask === undefined
        ? undefined
        : unstackSteps(tf.reshape(tf.cast(mask, 'float32'), [batch, time, 1]) as tf.Tensor3D);
    let state = options.initialState ?? cell.zeroState(batch);
    const outputs: tf.Tensor2D[] = new Array<tf.Tensor2D>(time);
    for (let k = 0; k < time; k++) {
      const t = reverse ? time - 1 - k : k;
      const next = cell.stepProjected(steps[t] as tf.Tensor2D, state);
      const keep = masks?.[t];
      if (keep === undefined) {
        state = next;
        outputs[t] = next.hidden;
      } else {
        const blended: Record<string, tf.Tensor2D> = {};
        for (const name of cell.stateNames) {
          const before = (state as unknown as Record<string, tf.Tensor2D>)[name] as tf.Tensor2D;
          const after = (next as unknown as Record<string, tf.Tensor2D>)[name] as tf.Tensor2D;
          // keep * after + (1 - keep) * before: exact for a 0/1 mask (no rounding from after - before).
          blended[name] = tf.add(tf.mul(keep, after), tf.mul(tf.sub(1, keep), before));
        }
        state = blended as unknown as S;
        outputs[t] = tf.mul(next.hidden, keep);
      }
    }
    const finalState: Record<string, tf.Tensor> = {};
    for (const name of cell.stateNames)
      finalState[name] = tf.clone((state as unknown as Record<string, tf.Tensor>)[name] as tf.Tensor);
    const result = returnSequences ? tf.stack(outputs, 1) : tf.clone(state.hidden);
    return { outputs: result, finalState } as unknown as tf.TensorContainer;
  }) as unknown as SequenceResult<S>;
}
