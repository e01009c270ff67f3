import type * as tf from '@tensorflow/tfjs-core';
import {
  type Activation,
  ArgumentError,
  ShapeError,
  assertKnownOptions,
  assertOneOf,
  assertTensor,
  describeShape,
} from '@baihua/core';
import type { CellWeights } from '../cells/cell-weights.js';
import { ElmanCell } from '../cells/elman-cell.js';
import { GruCell } from '../cells/gru-cell.js';
import { LstmCell } from '../cells/lstm-cell.js';
import type { RecurrentCell, RecurrentState } from '../cells/recurrent-cell.js';
import { BidirectionalCells } from '../sequence/bidirectional-cells.js';
import type { SequenceModel } from '../sequence/sequence-types.js';
import { StackedRnn } from '../sequence/stacked-rnn.js';

/** Options of {@link fromTorch}. */
export interface FromTorchOptions {
  /** nn.RNN, nn.LSTM or nn.GRU. */
  kind: 'rnn' | 'lstm' | 'gru';
  /** nn.RNN's nonlinearity: 'tanh' (default) or 'relu' (or any activation; only for kind 'rnn'). */
  nonlinearity?: 'tanh' | 'relu' | Activation;
}

const gateCounts = { rnn: 1, lstm: 4, gru: 3 } as const;
const namePattern = /^(weight_ih|weight_hh|bias_ih|bias_hh)_l(\d+)(_reverse)?$/;

/**
 * Builds what {@link runSequence} accepts from a PyTorch nn.RNN / nn.LSTM / nn.GRU state dict
 * (`weight_ih_l0` [G*H, I], `weight_hh_l0` [G*H, H], `bias_ih_l0`, `bias_hh_l0` [G*H], `_l1` for
 * stacked layers, `_reverse` for the backward direction; G = 1, 4 (i, f, g, o) or 3 (r, z, n)).
 * Returns a cell (one layer, one direction), a BidirectionalCells (one layer, both directions) or a
 * StackedRnn. The values are copied into the cells' own weights, kept in PyTorch's layout
 * (`weightLayout: 'torch'`), trainable; gradients with respect to the cells' weights are PyTorch's
 * parameter gradients (`kernel` is weight_ih, `recurrentKernel` weight_hh, `bias` bias_ih,
 * `recurrentBias` bias_hh). The GRU keeps PyTorch's update convention
 * h = (1 - z) n + z h_prev (`updateGate: 'previous'`), which is the seed's with z's weights negated.
 * Inputs are batch-first, [batch, time, features] (PyTorch's `batch_first=True`).
 *
 * @throws ArgumentError / ShapeError naming the tensor, the expected and the received shape.
 * @example
 * const lstm = fromTorch({ weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 }, { kind: 'lstm' });
 * const { outputs, finalState } = runSequence(lstm, x, { initialState: { hidden: h0, cell: c0 } });
 *
 * In plain words: take a PyTorch model's numbers as they are and run the same network here.
 */
export function fromTorch(parameters: Record<string, tf.Tensor>, options: FromTorchOptions): SequenceModel {
  const fn = 'fromTorch';
  if (typeof options !== 'object' || options === null)
    throw new ArgumentError(fn, "expected options { kind: 'rnn' | 'lstm' | 'gru' }");
  assertKnownOptions(fn, 'options', options, ['kind', 'nonlinearity']);
  assertOneOf(fn, 'kind', options.kind, ['rnn', 'lstm', 'gru']);
  if (options.nonlinearity !== undefined && options.kind !== 'rnn')
    throw new ArgumentError(fn, `expected nonlinearity only with kind 'rnn', got kind '${options.kind}'`);
  if (typeof parameters !== 'object' || parameters === null)
    throw new ArgumentError(fn, 'expected parameters to be an object of tensors keyed by PyTorch names');
  const gates = gateCounts[options.kind];
  let layers = 0;
  let reverse = false;
  for (const [name, value] of Object.entries(parameters)) {
    const match = namePattern.exec(name);
    if (!match) {
      throw new ArgumentError(
        fn,
        `unexpected parameter '${name}': expected names weight_ih_l<k>, weight_hh_l<k>, bias_ih_l<k>, ` +
          'bias_hh_l<k>, with _reverse for the backward direction (proj_size is not supported)',
      );
    }
    assertTensor(fn, name, value);
    layers = Math.max(layers, Number(match[2]) + 1);
    if (match[3]) reverse = true;
  }
  if (layers === 0) throw new ArgumentError(fn, 'expected at least weight_ih_l0 and weight_hh_l0, got no parameters');
  const hh0 = parameters.weight_hh_l0;
  if (hh0 === undefined) throw new ArgumentError(fn, 'expected weight_hh_l0, got none');
  if (hh0.rank !== 2)
    throw new ShapeError(fn, `expected weight_hh_l0 of rank 2, got shape ${describeShape(hh0.shape)}`);
  const hidden = hh0.shape[1] as number;
  const hasBias = parameters.bias_ih_l0 !== undefined || parameters.bias_hh_l0 !== undefined;
  const directions = reverse ? 2 : 1;
  const weightsOf = (layer: number, suffix: string): CellWeights => {
    const get = (base: string, expected: number[]): tf.Tensor => {
      const name = `${base}_l${layer}${suffix}`;
      const tensor = parameters[name];
      if (tensor === undefined)
        throw new ArgumentError(fn, `expected ${name} of shape ${describeShape(expected)}, got none`);
      if (tensor.rank !== expected.length || tensor.shape.some((s, i) => s !== expected[i])) {
        throw new ShapeError(
          fn,
          `expected ${name} of shape ${describeShape(expected)} (${options.kind}: ${gates} gate(s) x hidden ` +
            `${hidden}), got shape ${describeShape(tensor.shape)}`,
        );
      }
      return tensor;
    };
    const inputWeightsName = `weight_ih_l${layer}${suffix}`;
    const inputSize = layer === 0 ? (parameters[inputWeightsName]?.shape[1] ?? 0) : directions * hidden;
    return {
      kernel: get('weight_ih', [gates * hidden, inputSize]),
      recurrentKernel: get('weight_hh', [gates * hidden, hidden]),
      ...(hasBias ? { bias: get('bias_ih', [gates * hidden]), recurrentBias: get('bias_hh', [gates * hidden]) } : {}),
    };
  };
  const build = (weights: CellWeights): RecurrentCell<RecurrentState> => {
    const common = { weights, weightLayout: 'torch' as const };
    if (options.kind === 'rnn') return new ElmanCell({ ...common, activation: options.nonlinearity ?? 'tanh' });
    if (options.kind === 'lstm') return new LstmCell(common);
    return new GruCell({ ...common, resetAfter: true, gateOrder: 'rzn', updateGate: 'previous' });
  };
  // Every name and shape is checked before any cell (and its weights) is made.
  const suffixes = reverse ? ['', '_reverse'] : [''];
  const checked = Array.from({ length: layers }, (_, layer) => suffixes.map((suffix) => weightsOf(layer, suffix)));
  const stack = checked.map(([forward, backward]): SequenceModel => {
    if (backward === undefined) return build(forward as CellWeights);
    return new BidirectionalCells({
      forward: build(forward as CellWeights),
      backward: build(backward),
      merge: 'concat',
    });
  });
  return stack.length === 1 ? (stack[0] as SequenceModel) : new StackedRnn(stack);
}
