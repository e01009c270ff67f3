import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { attr, graph, ints, node, seededTensor } from './graph-builder.js';
import { modelFromGraph } from './import-onnx.js';
import type { OnnxGraphIr } from './onnx-ir.js';

const options = { imageLayout: 'nchw', maxBytes: 1 << 20, name: undefined } as const;

/** An MLP: x [N, 4] -> Gemm (W [3, 4], transB) -> Relu -> Gemm (W [2, 3], transB): the graph each case breaks. */
function mlp(edit: (g: OnnxGraphIr) => void = () => {}): OnnxGraphIr {
  const g = graph({
    inputs: [{ name: 'x', dims: [null, 4] }],
    outputs: ['y'],
    initializers: {
      w1: seededTensor([3, 4], 1),
      b1: seededTensor([3], 2),
      w2: seededTensor([2, 3], 3),
    },
    nodes: [
      node('Gemm', ['x', 'w1', 'b1'], ['h'], { transB: attr.int(1) }, 'fc1'),
      node('Relu', ['h'], ['a'], {}, 'act'),
      node('Gemm', ['a', 'w2'], ['y'], { transB: attr.int(1) }, 'fc2'),
    ],
  });
  edit(g);
  return g;
}

/** The call fails with `kind` and a message matching `message`, twice, leaving tf.memory() as it was. */
async function expectCleanFailure(
  make: () => OnnxGraphIr,
  kind: { isInstance(error: unknown): boolean },
  message: RegExp,
): Promise<void> {
  const before = tf.memory();
  for (let attempt = 0; attempt < 2; attempt++) {
    let caught: unknown;
    try {
      modelFromGraph(make(), options).dispose();
    } catch (error) {
      caught = error;
    }
    expect(kind.isInstance(caught), String(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  }
  const after = tf.memory();
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
}

describeEachBackend('importOnnx: bad graphs fail clearly, naming the node, and leave nothing behind', () => {
  test('the unedited graph imports (the baseline every case breaks)', () => {
    const model = modelFromGraph(mlp(), options);
    expect(model.layers.map((l) => l.typeName)).toEqual(['Dense', 'Dense']);
    model.dispose();
  });

  test('an opset outside 13-17', async () => {
    await expectCleanFailure(
      () =>
        mlp((g) => {
          g.opset = 18;
        }),
      ArgumentError,
      /expected opset 13 to 17.*got opset 18/,
    );
    await expectCleanFailure(
      () =>
        mlp((g) => {
          g.opset = 11;
        }),
      ArgumentError,
      /got opset 11/,
    );
  });

  test('an operator outside the supported set, after layers were already built', async () => {
    const edit = (g: OnnxGraphIr) => {
      (g.nodes[1] as { opType: string }).opType = 'Celu';
    };
    await expectCleanFailure(
      () => mlp(edit),
      ArgumentError,
      /node 'act' \(Celu\): unsupported operator Celu \(supported: .*Gemm/,
    );
  });

  test('an operator of another domain', async () => {
    const edit = (g: OnnxGraphIr) => {
      (g.nodes[2] as { domain: string }).domain = 'com.microsoft';
    };
    await expectCleanFailure(
      () => mlp(edit),
      ArgumentError,
      /node 'fc2' \(Gemm\): unsupported operator domain 'com.microsoft'/,
    );
  });

  test('an unknown attribute, and a known one with a value baihua cannot reproduce', async () => {
    const unknown = (g: OnnxGraphIr) => g.nodes[2]?.attributes.set('transC', attr.int(1));
    await expectCleanFailure(() => mlp(unknown), ArgumentError, /node 'fc2' \(Gemm\): unsupported attribute 'transC'/);
    const transA = (g: OnnxGraphIr) => g.nodes[2]?.attributes.set('transA', attr.int(1));
    await expectCleanFailure(() => mlp(transA), ArgumentError, /node 'fc2' \(Gemm\): unsupported transA 1/);
    const alpha = (g: OnnxGraphIr) => g.nodes[1]?.attributes.set('alpha', attr.float(0.3));
    await expectCleanFailure(() => mlp(alpha), ArgumentError, /node 'act' \(Relu\): unsupported attributes/);
  });

  test('shapes that lie: a weight whose shape does not fit its node', async () => {
    const wrongRows = (g: OnnxGraphIr) => g.initializers.set('w2', seededTensor([2, 5], 3));
    await expectCleanFailure(
      () => mlp(wrongRows),
      ShapeError,
      /node 'fc2' \(Gemm\): expected a weight with 3 input rows, got shape \[5,2\]/,
    );
    const wrongBias = (g: OnnxGraphIr) => g.initializers.set('b1', seededTensor([4], 2));
    await expectCleanFailure(() => mlp(wrongBias), ShapeError, /node 'fc1' \(Gemm\): expected a bias of shape \[3\]/);
  });

  test('a recurrent weight of the wrong shape, a non-zero initial state, sequence_lens of no Embedding', async () => {
    const lstm = (w: number[], state = false) =>
      graph({
        inputs: [{ name: 'x', dims: [null, null, 3] }],
        outputs: ['h'],
        initializers: {
          w: seededTensor(w, 1),
          r: seededTensor([1, 8, 2], 2),
          h0: seededTensor([1, 1, 2], 3),
          zero: { dtype: 'int', shape: [], values: [0] },
        },
        nodes: [
          node('Transpose', ['x'], ['xt'], { perm: attr.ints([1, 0, 2]) }),
          node('LSTM', ['xt', 'w', 'r', '', '', state ? 'h0' : ''], ['', 'yh'], { hidden_size: attr.int(2) }, 'lstm'),
          node('Gather', ['yh', 'zero'], ['h']),
        ],
      });
    expect(() => modelFromGraph(lstm([1, 8, 3]), options).dispose()).not.toThrow();
    await expectCleanFailure(
      () => lstm([1, 8, 4]),
      ShapeError,
      /node 'lstm' \(LSTM\): expected W of shape \[1,8,3\], got \[1,8,4\]/,
    );
    await expectCleanFailure(
      () => lstm([1, 8, 3], true),
      ArgumentError,
      /node 'lstm' \(LSTM\): unsupported initial state/,
    );
    const withLengths = () => {
      const g = lstm([1, 8, 3]);
      g.initializers.set('lens', { dtype: 'int', shape: [1], values: [2] });
      g.nodes[1]?.inputs.splice(4, 1, 'lens');
      return g;
    };
    await expectCleanFailure(
      withLengths,
      ArgumentError,
      /node 'lstm' \(LSTM\): unsupported input sequence_lens \(supported: the lengths of a masking Embedding/,
    );
    const reluCell = () => {
      const g = lstm([1, 8, 3]);
      g.nodes[1]?.attributes.set('activations', attr.strings(['Sigmoid', 'Relu', 'Tanh']));
      return g;
    };
    await expectCleanFailure(
      reluCell,
      ArgumentError,
      /node 'lstm' \(LSTM\): unsupported activations \["Sigmoid","Relu","Tanh"\]/,
    );
  });

  test('a Conv whose weight does not fit its group, and pads no baihua padding mode equals', async () => {
    const conv = (attributes: Record<string, ReturnType<typeof attr.int>>) =>
      graph({
        inputs: [{ name: 'x', dims: [null, 2, 6, 6] }],
        outputs: ['y'],
        initializers: { w: seededTensor([2, 2, 3, 3], 1), shape: ints([0, -1]) },
        nodes: [node('Conv', ['x', 'w'], ['y'], { kernel_shape: attr.ints([3, 3]), ...attributes }, 'conv')],
      });
    await expectCleanFailure(
      () => conv({ group: attr.int(2) }),
      ShapeError,
      /node 'conv' \(Conv\): expected a weight with 2 \/ group 2 input channels .*got shape \[2,2,3,3\]/,
    );
    await expectCleanFailure(
      () => conv({ pads: attr.ints([2, 0, 0, 0]) }),
      ArgumentError,
      /node 'conv' \(Conv\): unsupported pads \[2,0,0,0\]/,
    );
  });
});
