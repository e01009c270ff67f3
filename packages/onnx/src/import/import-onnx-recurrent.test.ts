import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { attr, graph, ints, node, seededTensor } from './graph-builder.js';
import { modelFromGraph } from './import-onnx.js';
import { type RecurrentSpec, onnxRecurrentReference } from './onnx-recurrent-reference.js';
import type { OnnxNodeIr } from './onnx-ir.js';

const [B, T, I, H] = [2, 4, 3, 3];
const options = { imageLayout: 'nchw', maxBytes: 1 << 20, name: undefined } as const;

interface Variant {
  title: string;
  op: 'LSTM' | 'GRU' | 'RNN';
  direction: 'forward' | 'reverse' | 'bidirectional';
  peepholes?: boolean;
  inputForget?: boolean;
  linearBeforeReset?: boolean;
  relu?: boolean;
  noBias?: boolean;
  finalOnly?: boolean;
  layout?: 0 | 1;
  type: string;
}

const variants: Variant[] = [
  { title: 'LSTM', op: 'LSTM', direction: 'forward', type: 'LSTM' },
  { title: 'LSTM with peepholes P', op: 'LSTM', direction: 'forward', peepholes: true, type: 'PeepholeLSTM' },
  { title: 'LSTM input_forget 1', op: 'LSTM', direction: 'forward', inputForget: true, type: 'CoupledLSTM' },
  { title: 'LSTM reverse, no bias', op: 'LSTM', direction: 'reverse', noBias: true, type: 'LSTM' },
  {
    title: 'LSTM bidirectional with P',
    op: 'LSTM',
    direction: 'bidirectional',
    peepholes: true,
    type: 'Bidirectional',
  },
  { title: 'LSTM Y_h only', op: 'LSTM', direction: 'forward', finalOnly: true, type: 'LSTM' },
  { title: 'LSTM layout 1 (batch-major)', op: 'LSTM', direction: 'bidirectional', layout: 1, type: 'Bidirectional' },
  { title: 'GRU linear_before_reset 0', op: 'GRU', direction: 'forward', type: 'GRU' },
  {
    title: 'GRU linear_before_reset 1, reverse',
    op: 'GRU',
    direction: 'reverse',
    linearBeforeReset: true,
    type: 'GRU',
  },
  { title: 'GRU bidirectional, reset before', op: 'GRU', direction: 'bidirectional', type: 'Bidirectional' },
  {
    title: 'GRU Y_h only, reverse',
    op: 'GRU',
    direction: 'reverse',
    finalOnly: true,
    linearBeforeReset: true,
    type: 'GRU',
  },
  { title: 'RNN Tanh bidirectional', op: 'RNN', direction: 'bidirectional', type: 'Bidirectional' },
  { title: 'RNN Relu', op: 'RNN', direction: 'forward', relu: true, type: 'SimpleRNN' },
];

/** x -> (Transpose) -> op -> Y back to [B, T, D*H] as PyTorch writes it; Y_h per direction by Gather. */
function recurrentGraph(v: Variant, seed: number) {
  const D = v.direction === 'bidirectional' ? 2 : 1;
  const G = { LSTM: 4, GRU: 3, RNN: 1 }[v.op];
  const layout = v.layout ?? 0;
  const init = {
    w: seededTensor([D, G * H, I], seed),
    r: seededTensor([D, G * H, H], seed + 1),
    ...(v.noBias ? {} : { b: seededTensor([D, 2 * G * H], seed + 2) }),
    ...(v.peepholes ? { p: seededTensor([D, 3 * H], seed + 3) } : {}),
    axes1: ints([layout === 0 ? 1 : 2]),
    flat: ints([0, 0, -1]),
  };
  const attributes = {
    hidden_size: attr.int(H),
    direction: attr.string(v.direction),
    ...(layout === 1 ? { layout: attr.int(1) } : {}),
    ...(v.op === 'LSTM' && v.inputForget ? { input_forget: attr.int(1) } : {}),
    ...(v.op === 'GRU' ? { linear_before_reset: attr.int(v.linearBeforeReset ? 1 : 0) } : {}),
    ...(v.relu ? { activations: attr.strings(['Relu']) } : {}),
  };
  const xName = layout === 0 ? 'xt' : 'x';
  const recurrentInputs = ['w', 'r', v.noBias ? '' : 'b', '', '', ...(v.peepholes ? ['', 'p'] : [])];
  const nodes: OnnxNodeIr[] = [
    ...(layout === 0 ? [node('Transpose', ['x'], ['xt'], { perm: attr.ints([1, 0, 2]) })] : []),
    node(v.op, [xName, ...recurrentInputs], [v.finalOnly ? '' : 'y', 'yh'], attributes, 'rnn'),
  ];
  const outputs: string[] = [];
  if (!v.finalOnly) {
    if (layout === 1) nodes.push(node('Reshape', ['y', 'flat'], ['out']));
    else if (D === 1)
      nodes.push(
        node('Squeeze', ['y', 'axes1'], ['ys']),
        node('Transpose', ['ys'], ['out'], { perm: attr.ints([1, 0, 2]) }),
      );
    else
      nodes.push(
        node('Transpose', ['y'], ['yt'], { perm: attr.ints([0, 2, 1, 3]) }),
        node('Reshape', ['yt', 'flat'], ['yr']),
        node('Transpose', ['yr'], ['out'], { perm: attr.ints([1, 0, 2]) }),
      );
    outputs.push('out');
  }
  for (let d = 0; d < D; d++) {
    init[`i${d}` as 'flat'] = { dtype: 'int', shape: [], values: [d === 1 ? -1 : 0] };
    nodes.push(node('Gather', ['yh', `i${d}`], [`h${d}`], { axis: attr.int(layout === 0 ? 0 : 1) }));
    outputs.push(`h${d}`);
  }
  const { w, r, b, p } = init as typeof init & { b?: never; p?: never };
  const spec: RecurrentSpec = {
    op: v.op,
    hidden: H,
    directions: v.direction === 'bidirectional' ? ['forward', 'reverse'] : [v.direction],
    w,
    r,
    ...(b ? { b } : {}),
    ...(p ? { p } : {}),
    inputForget: v.inputForget ?? false,
    linearBeforeReset: v.linearBeforeReset ?? false,
    activation: v.relu ? 'Relu' : 'Tanh',
  };
  const g = graph({ inputs: [{ name: 'x', dims: [null, null, I] }], outputs, initializers: init, nodes });
  return { g, spec, outputs };
}

describeEachBackend('importOnnx: recurrent nodes equal the ONNX equations', () => {
  // float32 layers against float64 loops over 4 steps: within 1e-5 on every backend.
  const tolerance = { rtol: 0, atol: 1e-5 };
  variants.forEach((v, k) => {
    test(`${v.title} -> ${v.type}`, async () => {
      const { g, spec, outputs } = recurrentGraph(v, 10 * k + 1);
      const xValues = seededTensor([B, T, I], 99 + k, 1);
      const rows = Array.from({ length: B }, (_, b) =>
        Array.from({ length: T }, (_, t) => Array.from(xValues.values.slice((b * T + t) * I, (b * T + t + 1) * I))),
      );
      const reference = onnxRecurrentReference(spec, rows);
      await expectNoLeakedTensors(async () => {
        const model = modelFromGraph(g, options);
        const x = tf.tensor(xValues.values, [B, T, I]);
        try {
          expect(model.layers.map((l) => l.typeName)).toContain(v.type);
          const ys = model.applyMulti(x);
          try {
            let next = 0;
            if (outputs[0] === 'out') await expectTensorsClose(ys[next++]!, reference.y, tolerance);
            for (const finals of reference.yh) await expectTensorsClose(ys[next++]!, finals, tolerance);
          } finally {
            tf.dispose(ys);
          }
        } finally {
          x.dispose();
          model.dispose();
        }
      });
    });
  });
});
