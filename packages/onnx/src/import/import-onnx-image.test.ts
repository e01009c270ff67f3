import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { attr, graph, node, seededTensor } from './graph-builder.js';
import { floatTensor } from './host-tensors.js';
import { modelFromGraph } from './import-onnx.js';
import { type WindowSpec, convReference, poolReference, toImage } from './onnx-image-reference.js';
import type { OnnxAttribute, OnnxNodeIr } from './onnx-ir.js';

const options = { imageLayout: 'nchw', maxBytes: 1 << 20, name: undefined } as const;
const [N, C, S] = [2, 3, 6];
const x = seededTensor([N, C, S, S], 7, 1);
const w = seededTensor([4, C, 3, 3], 8);
const bias = seededTensor([4], 9);

function windowAttributes(spec: WindowSpec): Record<string, OnnxAttribute> {
  return {
    kernel_shape: attr.ints(spec.kernel),
    ...(spec.strides ? { strides: attr.ints(spec.strides) } : {}),
    ...(spec.dilations ? { dilations: attr.ints(spec.dilations) } : {}),
    ...(spec.pads ? { pads: attr.ints(spec.pads) } : {}),
  };
}

interface ImageCase {
  title: string;
  type: string;
  nodes: OnnxNodeIr[];
  expected: () => unknown;
}

const cases: ImageCase[] = [
  {
    title: "Conv stride 2 with TensorFlow's asymmetric 'same' pads [0, 0, 1, 1]",
    type: 'Conv2D',
    nodes: [
      node('Conv', ['x', 'w', 'b'], ['y'], windowAttributes({ kernel: [3, 3], strides: [2, 2], pads: [0, 0, 1, 1] })),
    ],
    expected: () => convReference(toImage(x), w, bias, { kernel: [3, 3], strides: [2, 2], pads: [0, 0, 1, 1] }),
  },
  {
    title: "Conv dilation 2 with 'full' pads (4 on each side)",
    type: 'Conv2D',
    nodes: [
      node('Conv', ['x', 'w'], ['y'], windowAttributes({ kernel: [3, 3], dilations: [2, 2], pads: [4, 4, 4, 4] })),
    ],
    expected: () => convReference(toImage(x), w, undefined, { kernel: [3, 3], dilations: [2, 2], pads: [4, 4, 4, 4] }),
  },
  {
    title: 'Conv auto_pad SAME_UPPER, then Relu (folded into the Conv2D)',
    type: 'Conv2D',
    nodes: [
      node('Conv', ['x', 'w', 'b'], ['c'], { kernel_shape: attr.ints([3, 3]), auto_pad: attr.string('SAME_UPPER') }),
      node('Relu', ['c'], ['y']),
    ],
    expected: () =>
      convReference(toImage(x), w, bias, { kernel: [3, 3], pads: [1, 1, 1, 1] }).map((a) =>
        a.map((b) => b.map((r) => r.map((v) => Math.max(v, 0)))),
      ),
  },
  {
    title: 'MaxPool 2x2 stride 2',
    type: 'MaxPool2D',
    nodes: [node('MaxPool', ['x'], ['y'], windowAttributes({ kernel: [2, 2], strides: [2, 2] }))],
    expected: () => poolReference(toImage(x), 'max', { kernel: [2, 2], strides: [2, 2] }),
  },
  {
    title: "AveragePool 3x3 'same' pads, count_include_pad 0",
    type: 'AvgPool2D',
    nodes: [node('AveragePool', ['x'], ['y'], windowAttributes({ kernel: [3, 3], pads: [1, 1, 1, 1] }))],
    expected: () => poolReference(toImage(x), 'avg', { kernel: [3, 3], pads: [1, 1, 1, 1] }),
  },
  {
    title: 'LpPool p 2 (L2 pooling), 2x2 stride 2',
    type: 'L2Pool2D',
    nodes: [node('LpPool', ['x'], ['y'], { ...windowAttributes({ kernel: [2, 2], strides: [2, 2] }), p: attr.int(2) })],
    expected: () => poolReference(toImage(x), 'l2', { kernel: [2, 2], strides: [2, 2] }),
  },
  {
    title: 'GlobalMaxPool',
    type: 'GlobalMaxPool2D',
    nodes: [node('GlobalMaxPool', ['x'], ['y'])],
    expected: () => poolReference(toImage(x), 'max', { kernel: [S, S] }),
  },
  {
    title: 'Concat of a Conv and a pool on the channel axis, times itself (Mul)',
    type: 'Concatenate',
    nodes: [
      node('Conv', ['x', 'w', 'b'], ['c'], windowAttributes({ kernel: [3, 3], pads: [1, 1, 1, 1] })),
      node('AveragePool', ['x'], ['p'], windowAttributes({ kernel: [3, 3], pads: [1, 1, 1, 1] })),
      node('Concat', ['c', 'p'], ['j'], { axis: attr.int(1) }),
      node('Mul', ['j', 'j'], ['y']),
    ],
    expected: () => {
      const c = convReference(toImage(x), w, bias, { kernel: [3, 3], pads: [1, 1, 1, 1] });
      const p = poolReference(toImage(x), 'avg', { kernel: [3, 3], pads: [1, 1, 1, 1] });
      return c.map((image, n) => [...image, ...(p[n] ?? [])].map((m) => m.map((r) => r.map((v) => v * v))));
    },
  },
  {
    title: 'Div by a scalar, Sub of a per-channel [1, C, 1, 1] constant (input normalisation), then Conv',
    type: 'OnnxChannelAffine',
    nodes: [
      node('Div', ['x', 'scale'], ['scaled']),
      node('Sub', ['scaled', 'mean'], ['centred']),
      node('Conv', ['centred', 'w', 'b'], ['y'], windowAttributes({ kernel: [3, 3] })),
    ],
    expected: () => {
      const normalised = toImage(x).map((image) =>
        image.map((m, c) => m.map((r) => r.map((v) => v / 4 - (c - 1) / 2))),
      );
      return convReference(normalised, w, bias, { kernel: [3, 3] });
    },
  },
];

describeEachBackend('importOnnx: NCHW convolution and pooling nodes equal their ONNX definitions', () => {
  const tolerance = { rtol: 0, atol: 1e-5 };
  for (const c of cases) {
    test(`${c.title} -> ${c.type}`, async () => {
      const g = graph({
        inputs: [{ name: 'x', dims: [null, C, S, S] }],
        outputs: ['y'],
        initializers: { w, b: bias, scale: floatTensor([], [4]), mean: floatTensor([1, C, 1, 1], [-0.5, 0, 0.5]) },
        nodes: c.nodes,
      });
      await expectNoLeakedTensors(async () => {
        const model = modelFromGraph(g, options);
        const input = tf.tensor(x.values, x.shape);
        try {
          expect(model.layers.map((l) => l.typeName)).toContain(c.type);
          const y = model.apply(input);
          try {
            await expectTensorsClose(y, c.expected() as number[], tolerance);
          } finally {
            y.dispose();
          }
        } finally {
          input.dispose();
          model.dispose();
        }
      });
    });
  }
});
