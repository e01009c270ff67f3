import * as tf from '@tensorflow/tfjs-core';
import type { LstmState, RecurrentCell, RecurrentState, WeightLayout } from '../../cells/recurrent-cell.js';
import type { SequenceResult } from '../../sequence/sequence-types.js';
import type { FusedSequenceRunner } from '../fused-sequence-registry.js';
import { heapRows } from './packed-views.js';
import { planWasmCell } from './wasm-cell-plan.js';
import { wasmSequenceValue } from './wasm-sequence-gradient.js';
import { sequenceHeapBackend } from './wasm-sequence-heap.js';

type WeightedCell = RecurrentCell & {
  weightLayout: WeightLayout;
  weightVariables(): Readonly<Record<string, tf.Variable>>;
};

/** Matrices in keras layout [in, G·H]: torch-layout weights are transposed (differentiably). */
const keras = (cell: WeightedCell, weight: tf.Tensor) =>
  cell.weightLayout === 'torch' ? tf.transpose(weight) : weight;

/**
 * The wasm fused sequence runner: the input projection for all steps as one matMul, then the whole
 * time loop in one call on the wasm heap (per step one recurrent product through the backend's own
 * BatchMatMul export, two for GRU with reset before, and the gate arithmetic in place, with no
 * per-step tensors); its gradient (tf.customGrad, so tf.grad, variableGrads, fit and every layer
 * use it) is BPTT in one call plus the weight gradients as whole-sequence matMuls. Handles LSTM,
 * diagonal peephole and coupled LSTM, GRU (both reset forms, gate orders, update forms) and Elman
 * (tanh, relu) with sigmoid gates, keras or torch layout, masks, reverse, initial states and
 * returnSequences false. Anything else (hardSigmoid gates, full peepholes, int32 states) falls back.
 * @example
 * registerFusedSequenceRunner('wasm', wasmSequenceRunner); // done when @baihua/rnn is imported
 * In plain words: the whole relay on the wasm desk in one go, and back again for training.
 */
export const wasmSequenceRunner: FusedSequenceRunner = {
  name: 'wasm-fused-sequence',
  supports(cell, x, options) {
    const state = Object.values((options.initialState ?? {}) as Record<string, tf.Tensor>);
    return (
      x.dtype === 'float32' &&
      x.size > 0 &&
      state.every((tensor) => tensor.dtype === 'float32') &&
      sequenceHeapBackend() !== undefined &&
      planWasmCell(cell) !== undefined
    );
  },
  run(cell, x, options): SequenceResult<RecurrentState> {
    const plan = planWasmCell(cell);
    const backend = sequenceHeapBackend();
    if (plan === undefined || backend === undefined)
      throw new Error(`runSequence (wasm fused): cell kind '${cell.kind}' is not handled on this backend`);
    const [batch, time] = x.shape as [number, number, number];
    const hidden = cell.hiddenSize;
    const weighted = cell as WeightedCell;
    const weights = weighted.weightVariables();
    return tf.tidy(() => {
      const state = options.initialState as Partial<LstmState> | undefined;
      const keep = options.mask === undefined ? undefined : tf.cast(options.mask, 'float32');
      const packed = wasmSequenceValue(
        backend,
        plan,
        {
          x,
          kernel: keras(weighted, weights.kernel as tf.Tensor),
          bias: weights.bias,
          initH: state?.hidden ?? tf.zeros([batch, hidden]),
          initC: plan.hasCell ? (state?.cell ?? tf.zeros([batch, hidden])) : undefined,
          recurrent: keras(weighted, weights.recurrentKernel as tf.Tensor),
          recurrentBias: weights.recurrentBias,
          peephole: plan.family === 'peephole' ? weights.peepholeWeights : undefined,
        },
        keep,
        options.reverse ?? false,
      );
      const stride = (time + (plan.hasCell ? 2 : 1)) * hidden;
      const row = (r: number) =>
        heapRows(backend, packed, [batch, hidden], { rows: batch, length: hidden, start: r * hidden, stride });
      const finalState: Record<string, tf.Tensor> = { hidden: row(time) };
      if (plan.hasCell) finalState.cell = row(time + 1);
      const all = { rows: batch, length: time * hidden, start: 0, stride };
      const outputs =
        (options.returnSequences ?? true) ? heapRows(backend, packed, [batch, time, hidden], all) : row(time);
      return { outputs, finalState } as unknown as tf.TensorContainer;
    }) as unknown as SequenceResult<RecurrentState>;
  },
};
