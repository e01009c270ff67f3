import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { attr, graph, node, seededTensor } from './graph-builder.js';
import { modelFromGraph } from './import-onnx.js';

const options = { imageLayout: 'nchw', maxBytes: 1 << 20, name: undefined } as const;
const [N, C, S, O, K] = [2, 2, 4, 3, 2]; // ConvTranspose reads w's values as [C, O, K, K, K]
const x = seededTensor([N, C, S, S, S], 41, 1);
const w = seededTensor([O, C, K, K, K], 42);
const b = seededTensor([O], 43);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const xAt = (n: number, c: number, d: number, h: number, v: number): number =>
  Number(x.values[(((n * C + c) * S + d) * S + h) * S + v]);
const wAt = (o: number, c: number, d: number, h: number, v: number): number =>
  Number(w.values[(((o * C + c) * K + d) * K + h) * K + v]);

/** ONNX Conv (NCDHW, valid, stride 1) then Relu, by its definition. */
function convRelu(): number[][][][][] {
  const out = S - K + 1;
  return range(N).map((n) =>
    range(O).map((o) =>
      range(out).map((d) =>
        range(out).map((h) =>
          range(out).map((v) => {
            let sum = Number(b.values[o]);
            for (const c of range(C))
              for (const i of range(K))
                for (const j of range(K))
                  for (const k of range(K)) sum += xAt(n, c, d + i, h + j, v + k) * wAt(o, c, i, j, k);
            return Math.max(sum, 0);
          }),
        ),
      ),
    ),
  );
}

/** ONNX MaxPool 2x2x2 stride 2 (NCDHW), by its definition. */
function maxPool(): number[][][][][] {
  const taps = range(8).map((t) => [t >> 2, (t >> 1) & 1, t & 1] as const);
  return range(N).map((n) =>
    range(C).map((c) =>
      range(S / 2).map((d) =>
        range(S / 2).map((h) =>
          range(S / 2).map((v) => Math.max(...taps.map(([i, j, k]) => xAt(n, c, 2 * d + i, 2 * h + j, 2 * v + k)))),
        ),
      ),
    ),
  );
}

/** ONNX ConvTranspose (NCDHW, weight [C, O, K, K, K], stride 2, no pads), by scattering each input cell. */
function convTranspose(): number[][][][][] {
  const out = (S - 1) * 2 + K;
  const y = range(N).map(() =>
    range(O).map((o) => range(out).map(() => range(out).map(() => new Array<number>(out).fill(Number(b.values[o]))))),
  );
  const taps = range(K * K * K).map((t) => [Math.floor(t / (K * K)), Math.floor(t / K) % K, t % K] as const);
  for (const n of range(N))
    for (const o of range(O))
      for (const c of range(C))
        for (const d of range(S))
          for (const h of range(S))
            for (const v of range(S))
              for (const [i, j, k] of taps) {
                const row = y[n]?.[o]?.[2 * d + i]?.[2 * h + j] as number[];
                // wt: w's values read as [C, O, K, K, K].
                const weight = Number(w.values[(((c * O + o) * K + i) * K + j) * K + k]);
                row[2 * v + k] = (row[2 * v + k] as number) + xAt(n, c, d, h, v) * weight;
              }
  return y;
}

const cases = [
  {
    title: 'Conv with a 5-D weight, then Relu (folded) -> Conv3D',
    type: 'Conv3D',
    nodes: [node('Conv', ['x', 'w', 'b'], ['c'], { kernel_shape: attr.ints([K, K, K]) }), node('Relu', ['c'], ['y'])],
    expected: convRelu,
  },
  {
    title: 'ConvTranspose with a 5-D weight, stride 2 -> Conv3DTranspose',
    type: 'Conv3DTranspose',
    nodes: [
      node('ConvTranspose', ['x', 'wt', 'b'], ['y'], {
        kernel_shape: attr.ints([K, K, K]),
        strides: attr.ints([2, 2, 2]),
      }),
    ],
    expected: convTranspose,
  },
  {
    title: 'MaxPool 2x2x2 stride 2 -> MaxPool3D',
    type: 'MaxPool3D',
    nodes: [node('MaxPool', ['x'], ['y'], { kernel_shape: attr.ints([2, 2, 2]), strides: attr.ints([2, 2, 2]) })],
    expected: maxPool,
  },
];

describeEachBackend('importOnnx: NCDHW Conv and pooling nodes equal their ONNX definitions', () => {
  for (const c of cases) {
    test(c.title, async () => {
      const g = graph({
        inputs: [{ name: 'x', dims: [null, C, S, S, S] }],
        outputs: ['y'],
        initializers: { w, b, wt: { ...w, shape: [C, O, K, K, K] } },
        nodes: c.nodes,
      });
      await expectNoLeakedTensors(async () => {
        const model = modelFromGraph(g, options);
        const input = tf.tensor(x.values, x.shape);
        try {
          expect(model.layers.map((l) => l.typeName)).toContain(c.type);
          const y = model.apply(input);
          try {
            await expectTensorsClose(y, c.expected(), { rtol: 0, atol: 1e-5 });
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
