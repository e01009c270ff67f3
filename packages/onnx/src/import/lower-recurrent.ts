import { Bidirectional, CoupledLSTM, GRU, LSTM, PeepholeLSTM, type RecurrentLayer, SimpleRNN } from '@baihua/rnn';
import type { SymbolicTensor } from '@baihua/core';
import { combine } from './host-tensors.js';
import type { ImportContext } from './import-context.js';
import { nodeError, nodeShapeError } from './import-error.js';
import { OnnxSelect } from './layers/onnx-select.js';
import { checkAttributes, intAttribute, requireValue, stringAttribute } from './node-attributes.js';
import { recurrentActivations } from './recurrent-activations.js';
import type { HostTensor, OnnxNodeIr } from './onnx-ir.js';
import {
  type BlockPlan,
  type DirectionWeights,
  directionBiases,
  directionKernels,
  directionPeepholes,
} from './recurrent-weights.js';
import { recurrentInput } from './recurrent-inputs.js';

/**
 * LSTM, GRU and RNN nodes as baihua recurrent layers (Bidirectional for direction 'bidirectional'),
 * run batch-first. Peepholes P make a PeepholeLSTM, input_forget 1 a CoupledLSTM,
 * linear_before_reset picks the GRU's resetAfter. Y becomes the layer's sequence output, Y_h is read
 * from it (or is the output itself when Y is unused); Y_c, sequence_lens, non-zero initial states,
 * clip, and activations other than the gates' Sigmoid/HardSigmoid and Tanh are refused.
 */
const gateCounts: Record<string, number> = { LSTM: 4, GRU: 3, RNN: 1 };

export function lowerRecurrent(context: ImportContext, node: OnnxNodeIr): void {
  const own = { LSTM: ['input_forget'], GRU: ['linear_before_reset'], RNN: [] }[node.opType] ?? [];
  checkAttributes(node, [
    'activations',
    'activation_alpha',
    'activation_beta',
    'direction',
    'hidden_size',
    'layout',
    'clip',
    ...own,
  ]);
  if (node.attributes.has('clip')) throw nodeError(node, 'unsupported attribute clip (baihua cells do not clip)');
  const hidden = intAttribute(node, 'hidden_size', 0);
  const direction = stringAttribute(node, 'direction', 'forward');
  requireValue(node, 'direction', direction, ['forward', 'reverse', 'bidirectional']);
  const directions = direction === 'bidirectional' ? 2 : 1;
  const layout = intAttribute(node, 'layout', 0);
  requireValue(node, 'layout', layout, [0, 1]);
  const activations = recurrentActivations(node, directions);
  const x = recurrentInput(context, node, layout);
  const w = context.constant(node, 1, 'weight W');
  const r = context.constant(node, 2, 'recurrence weight R');
  const gates = gateCounts[node.opType] as number;
  const inputSize = x.shape[2];
  const expect = (t: HostTensor, name: string, shape: number[]): void => {
    if (t.shape.join() !== shape.join())
      throw nodeShapeError(node, `expected ${name} of shape [${shape}], got [${t.shape}]`);
  };
  if (!(hidden > 0)) throw nodeError(node, `expected hidden_size > 0, got ${hidden}`);
  expect(w, 'W', [directions, gates * hidden, inputSize ?? (w.shape[2] as number)]);
  expect(r, 'R', [directions, gates * hidden, hidden]);
  const b = context.has(node, 3) ? context.constant(node, 3, 'bias B') : undefined;
  if (b) expect(b, 'B', [directions, 2 * gates * hidden]);
  const p = node.opType === 'LSTM' && context.has(node, 7) ? context.constant(node, 7, 'peepholes P') : undefined;
  if (p) expect(p, 'P', [directions, 3 * hidden]);
  const peepholes = p !== undefined && Array.from(p.values).some((v) => v !== 0);
  const coupled = intAttribute(node, 'input_forget', 0) === 1;
  if (peepholes && coupled) throw nodeError(node, 'unsupported peepholes P together with input_forget 1');
  const resetAfter = intAttribute(node, 'linear_before_reset', 0) === 1;

  const plan: BlockPlan =
    node.opType === 'GRU'
      ? [
          { block: 1, sign: 1 },
          { block: 0, sign: -1 },
          { block: 2, sign: 1 },
        ]
      : node.opType === 'RNN'
        ? [{ block: 0, sign: 1 }]
        : coupled
          ? [
              { block: 0, sign: -1 },
              { block: 3, sign: 1 },
              { block: 1, sign: 1 },
            ]
          : [
              { block: 0, sign: 1 },
              { block: 2, sign: 1 },
              { block: 3, sign: 1 },
              { block: 1, sign: 1 },
            ];
  const weightsOf = (d: number): DirectionWeights => {
    const kernels = directionKernels(w, r, d, hidden, plan);
    if (b === undefined)
      return { ...kernels, ...(p && peepholes ? { peepholeWeights: directionPeepholes(p, d, hidden) } : {}) };
    const [wb, rb] = directionBiases(b, d, hidden, plan);
    const biases = node.opType === 'GRU' && resetAfter ? { bias: wb, recurrentBias: rb } : { bias: combine(wb, 1, rb) };
    return { ...kernels, ...biases, ...(p && peepholes ? { peepholeWeights: directionPeepholes(p, d, hidden) } : {}) };
  };
  const weights = Array.from({ length: directions }, (_, d) => weightsOf(d));

  const [yName, hName, cName] = [0, 1, 2].map((i) => node.outputs[i] ?? '');
  if (context.isUsed(cName as string))
    throw nodeError(node, 'unsupported output Y_c (the final cell state) read by the graph');
  const sequences = context.isUsed(yName as string) || directions === 2;
  const common = { units: hidden, returnSequences: sequences, useBias: b !== undefined };
  const make = (reverse: boolean): RecurrentLayer => {
    const base = { ...common, reverse };
    if (node.opType === 'RNN') return new SimpleRNN({ ...base, activation: activations.rnn });
    const gated = { ...base, recurrentActivation: activations.gate };
    if (node.opType === 'GRU') return new GRU({ ...gated, resetAfter });
    if (coupled) return new CoupledLSTM(gated);
    return peepholes ? new PeepholeLSTM({ ...gated, peephole: 'diagonal' }) : new LSTM(gated);
  };
  const layer = directions === 2 ? new Bidirectional({ layer: make(false) }) : make(direction === 'reverse');
  const y = context.adopt(layer).apply(x.symbolic);
  const perDirection = layer instanceof Bidirectional ? [layer.forwardLayer, layer.backwardLayer] : [layer];
  perDirection.forEach((l, d) => {
    for (const [name, value] of Object.entries(weights[d] as DirectionWeights)) context.setWeight(node, l, name, value);
  });

  if (sequences)
    context.values.set(yName as string, { kind: 'sequence', symbolic: y, directions, hidden, layout, stage: 'raw' });
  if (context.isUsed(hName as string)) {
    const select = (step: number, featureStart: number): SymbolicTensor =>
      context.adopt(new OnnxSelect({ step, featureStart, featureCount: hidden })).apply(y);
    const parts = !sequences
      ? [y]
      : directions === 2
        ? [select(-1, 0), select(0, hidden)]
        : [select(direction === 'reverse' ? 0 : -1, 0)];
    context.values.set(hName as string, { kind: 'final', parts, hidden, layout });
  }
}
