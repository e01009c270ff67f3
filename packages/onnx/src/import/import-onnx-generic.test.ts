import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { attr, graph, ints, node, seededTensor } from './graph-builder.js';
import { floatTensor } from './host-tensors.js';
import { modelFromGraph } from './import-onnx.js';
import type { OnnxNodeIr } from './onnx-ir.js';

const options = { imageLayout: 'nchw', maxBytes: 1 << 20, name: undefined } as const;
const [B, T, F] = [2, 3, 4];
const x = seededTensor([B, T, F], 31, 1);
const z = seededTensor([B, T, F], 32, 1);
const c = seededTensor([1, T, F], 33, 1);
const at = (t: { values: ArrayLike<number | bigint> }, b: number, i: number, j: number): number =>
  Number(t.values[(b * T + i) * F + j]);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const grid = (rows: number, cols: number, f: (b: number, i: number, j: number) => number): number[][][] =>
  range(B).map((b) => range(rows).map((i) => range(cols).map((j) => f(b, i, j))));

/** erf by Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7). */
function erf(v: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(v));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return Math.sign(v) * (1 - poly * Math.exp(-v * v));
}

interface GenericCase {
  title: string;
  types: string[];
  nodes: OnnxNodeIr[];
  expected: () => number[][][];
}

const cases: GenericCase[] = [
  {
    title: 'Sub of x and its ReduceMean over axes [1, 2] (keepdims), then Pow by a constant 2',
    types: ['OnnxReduce', 'OnnxBinary'],
    nodes: [
      node('ReduceMean', ['x'], ['m'], { axes: attr.ints([1, 2]) }),
      node('Sub', ['x', 'm'], ['d']),
      node('Pow', ['d', 'two'], ['y']),
    ],
    expected: () => {
      const mean = range(B).map((b) => range(T * F).reduce((s, k) => s + Number(x.values[b * T * F + k]), 0) / (T * F));
      return grid(T, F, (b, i, j) => (at(x, b, i, j) - (mean[b] as number)) ** 2);
    },
  },
  {
    title: 'x divided by Sqrt(s * s + 1), s = ReduceSum(z) over the last axis (broadcast [2, 3, 1])',
    types: ['OnnxReduce', 'OnnxUnary', 'OnnxBinary'],
    nodes: [
      node('ReduceSum', ['z', 'last'], ['s']),
      node('Mul', ['s', 's'], ['s2']),
      node('Add', ['s2', 'one'], ['s3']),
      node('Sqrt', ['s3'], ['r']),
      node('Div', ['x', 'r'], ['y']),
    ],
    expected: () => {
      const sum = (b: number, i: number): number => range(F).reduce((s, j) => s + at(z, b, i, j), 0);
      return grid(T, F, (b, i, j) => at(x, b, i, j) / Math.sqrt(sum(b, i) ** 2 + 1));
    },
  },
  {
    title: 'MatMul of x and Transpose(z, [0, 2, 1]), then ReduceMax over the last axis (keepdims)',
    types: ['OnnxBinary', 'OnnxReduce'],
    nodes: [
      node('Transpose', ['z'], ['zt'], { perm: attr.ints([0, 2, 1]) }),
      node('MatMul', ['x', 'zt'], ['p']),
      node('ReduceMax', ['p'], ['y'], { axes: attr.ints([2]) }),
    ],
    expected: () =>
      grid(T, 1, (b, i) =>
        Math.max(...range(T).map((k) => range(F).reduce((s, f) => s + at(x, b, i, f) * at(z, b, k, f), 0))),
      ),
  },
  {
    title: 'Log(Reciprocal(Exp(Neg(Erf(x))))) = erf(x)',
    types: ['OnnxUnary'],
    nodes: [
      node('Erf', ['x'], ['e']),
      node('Neg', ['e'], ['n']),
      node('Exp', ['n'], ['p']),
      node('Reciprocal', ['p'], ['r']),
      node('Log', ['r'], ['y']),
    ],
    expected: () => grid(T, F, (b, i, j) => erf(at(x, b, i, j))),
  },
  {
    title: 'Tile [1, 2, 1] of Unsqueeze(ReduceMean over the last axis, keepdims 0), plus a [1, 2, 3] constant',
    types: ['OnnxReduce', 'OnnxTile', 'OnnxBinary'],
    nodes: [
      node('ReduceMean', ['x'], ['m'], { axes: attr.ints([-1]), keepdims: attr.int(0) }),
      node('Unsqueeze', ['m', 'axis1'], ['u']),
      node('Tile', ['u', 'reps'], ['t']),
      node('Add', ['small', 't'], ['y']),
    ],
    expected: () =>
      grid(2, T, (b, r, i) => range(F).reduce((s, j) => s + at(x, b, i, j), 0) / F + Number(c.values[r * T + i])),
  },
];

describeEachBackend('importOnnx: arithmetic, reductions and Tile on run-time tensors equal their definitions', () => {
  for (const k of cases) {
    test(`${k.title} -> ${k.types.join(', ')}`, async () => {
      const readsZ = k.nodes.some((n) => n.inputs.includes('z'));
      const g = graph({
        inputs: [{ name: 'x', dims: [null, T, F] }, ...(readsZ ? [{ name: 'z', dims: [null, T, F] }] : [])],
        outputs: ['y'],
        initializers: {
          two: floatTensor([], [2]),
          one: floatTensor([], [1]),
          last: ints([-1]),
          axis1: ints([1]),
          reps: ints([1, 2, 1]),
          small: floatTensor([1, 2, T], c.values.slice(0, 2 * T)),
        },
        nodes: k.nodes,
      });
      await expectNoLeakedTensors(async () => {
        const model = modelFromGraph(g, options);
        const inputs = [x, ...(readsZ ? [z] : [])].map((t) => tf.tensor(t.values, t.shape));
        try {
          for (const type of k.types) expect(model.layers.map((l) => l.typeName)).toContain(type);
          const y = model.apply(readsZ ? inputs : (inputs[0] as tf.Tensor));
          try {
            await expectTensorsClose(y, k.expected(), { rtol: 0, atol: 1e-5 });
          } finally {
            y.dispose();
          }
        } finally {
          tf.dispose(inputs);
          model.dispose();
        }
      });
    });
  }
});

describeEachBackend(
  'importOnnx: a Tile, reduction or Reshape into the batch, a lone Equal, a linear Resize are refused, naming the node',
  () => {
    test.each([
      ['Tile', node('Tile', ['x', 'reps'], ['y'], {}, 'tile'), /node 'tile' \(Tile\): unsupported repeats \[2,1,1\]/],
      [
        'ReduceSum',
        node('ReduceSum', ['x', 'batch'], ['y'], {}, 'sum'),
        /node 'sum' \(ReduceSum\): unsupported axes \[0\] \(supported: non-batch axes/,
      ],
      [
        "Reshape [-1, 4] (TimeDistributed's batch * time)",
        node('Reshape', ['x', 'fold'], ['y'], {}, 'fold'),
        /node 'fold' \(Reshape\): unsupported Reshape of \[,3,4\] to \[-1,4\], which folds other axes into the batch/,
      ],
      [
        'Equal that is no Masking layer',
        node('Equal', ['x', 'c0'], ['y'], {}, 'eq'),
        /node 'eq' \(Equal\): unsupported Equal \(supported: the mask of a Masking layer or an Embedding/,
      ],
      [
        'Resize linear',
        node('Resize', ['x', '', 'sc'], ['y'], { mode: attr.string('linear') }, 'rs'),
        /node 'rs' \(Resize\): unsupported Resize \(linear, half_pixel, round_prefer_floor; scales \[1,2,1\]\)/,
      ],
    ])('%s, leaking nothing', (_op, bad, message) => {
      const g = graph({
        inputs: [{ name: 'x', dims: [null, T, F] }],
        outputs: ['y'],
        initializers: {
          reps: ints([2, 1, 1]),
          batch: ints([0]),
          fold: ints([-1, F]),
          c0: floatTensor([], [0]),
          sc: floatTensor([3], [1, 2, 1]),
        },
        nodes: [bad],
      });
      const before = tf.memory().numTensors;
      for (let i = 0; i < 2; i++) expect(() => modelFromGraph(g, options)).toThrow(message);
      expect(tf.memory().numTensors).toBe(before);
    });
  },
);
