import * as tf from '@tensorflow/tfjs-core';
import { deserializeModel, serializeModel } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { attr, graph, node, seededTensor } from './graph-builder.js';
import { floatTensor } from './host-tensors.js';
import { modelFromGraph } from './import-onnx.js';
import { convReference, toImage } from './onnx-image-reference.js';
import type { HostTensor } from './onnx-ir.js';

const options = { imageLayout: 'nchw', maxBytes: 1 << 20, name: undefined } as const;
const [N, C, S] = [2, 4, 6];
const x = seededTensor([N, C, S, S], 21, 1);

/** ONNX's grouped Conv by its definition: group g is convReference of channels and filters slice g. */
function groupedReference(weight: HostTensor, bias: HostTensor | undefined, groups: number, pads: number[]) {
  const [out, perGroup, kh, kw] = weight.shape as [number, number, number, number];
  const per = out / groups;
  const image = toImage(x);
  const parts = Array.from({ length: groups }, (_, g) => {
    const slice = (t: HostTensor, size: number) =>
      floatTensor(
        [per, ...t.shape.slice(1)],
        t.values.slice(g * per * size, (g + 1) * per * size) as ArrayLike<number>,
      );
    const w = slice(weight, perGroup * kh * kw);
    const b = bias === undefined ? undefined : slice(bias, 1);
    const input = image.map((channels) => channels.slice(g * perGroup, (g + 1) * perGroup));
    return convReference(input, w, b, { kernel: [kh, kw], pads: pads as [number, number, number, number] });
  });
  return image.map((_, n) => parts.flatMap((p) => p[n] ?? []));
}

const cases = [
  {
    title: 'group 2 (two input channels per group), bias, pads 1 (same)',
    groups: 2,
    shape: [6, 2, 3, 3],
    pads: [1, 1, 1, 1],
    useBias: true,
  },
  {
    title: 'depthwise: group 4, multiplier 2, no bias, valid',
    groups: 4,
    shape: [8, 1, 3, 3],
    pads: [0, 0, 0, 0],
    useBias: false,
  },
];

describeEachBackend('importOnnx: Conv with group > 1 (grouped and depthwise) equals its ONNX definition', () => {
  for (const c of cases) {
    test(`${c.title} -> OnnxGroupedConv, and again after serializeModel / deserializeModel`, async () => {
      const w = seededTensor(c.shape, 22);
      const b = seededTensor([c.shape[0] as number], 23);
      const g = graph({
        inputs: [{ name: 'x', dims: [null, C, S, S] }],
        outputs: ['y'],
        initializers: { w, b },
        nodes: [
          node('Conv', c.useBias ? ['x', 'w', 'b'] : ['x', 'w'], ['y'], {
            kernel_shape: attr.ints([3, 3]),
            pads: attr.ints(c.pads),
            group: attr.int(c.groups),
          }),
        ],
      });
      const expected = groupedReference(w, c.useBias ? b : undefined, c.groups, c.pads);
      await expectNoLeakedTensors(async () => {
        const model = modelFromGraph(g, options);
        const saved = await serializeModel(model);
        const loaded = await deserializeModel(saved);
        const input = tf.tensor(x.values, x.shape);
        try {
          expect(model.layers.map((l) => l.typeName)).toContain('OnnxGroupedConv');
          for (const m of [model, loaded]) {
            const y = m.apply(input);
            try {
              await expectTensorsClose(y, expected, { rtol: 0, atol: 1e-5 });
            } finally {
              y.dispose();
            }
          }
        } finally {
          input.dispose();
          model.dispose();
          loaded.dispose();
        }
      });
    });
  }
});
