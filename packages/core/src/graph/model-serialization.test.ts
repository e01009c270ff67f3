import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { JoinForTest, MaskedSumForTest, ZeroStepMaskForTest } from '../../test/graph-test-layers.js';
import { Dense } from '../layers/dense.js';
import type { Layer } from '../layers/layer.js';
import { Sequential } from '../layers/sequential.js';
import { deserializeModel } from '../serialization/deserialize-model.js';
import { loadModel, saveModel } from '../serialization/node-files.js';
import { serializeModel } from '../serialization/serialize-model.js';
import { describeEachBackend } from '../testing.js';
import { input } from './input.js';
import { Model } from './model.js';

const directory = mkdtempSync(join(tmpdir(), 'baihua-graph-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Two inputs, a shared tower, a nested model, a mask and a free length: every feature of the format at once. */
function richModel(): Model {
  const steps = input({ shape: [null, 2], name: 'steps' });
  const extra = input({ shape: [3], name: 'extra' });
  const innerInput = input({ shape: [3] });
  const encoder = new Model({ inputs: innerInput, outputs: new Dense({ units: 2, seed: 21 }).apply(innerInput) });
  const tower = new Dense({ units: 4, seed: 22 });
  const pooled = new MaskedSumForTest().apply(
    new Sequential({ layers: [new Dense({ units: 4, seed: 24 })] }).apply(
      tower.apply(new ZeroStepMaskForTest().apply(steps)),
    ),
  );
  const joined = new JoinForTest().apply([
    pooled,
    encoder.apply(extra),
    new Dense({ units: 4, seed: 25 }).apply(encoder.apply(extra)),
  ]);
  return new Model({
    inputs: [steps, extra],
    outputs: { score: new Dense({ units: 1, seed: 23 }).apply(joined), code: encoder.apply(extra) },
    name: 'rich',
  });
}

function sampleInputs(): [tf.Tensor, tf.Tensor] {
  const steps = tf.tensor3d([
    [
      [1, 2],
      [0, 0],
      [0.5, -1],
      [2, 2],
    ],
    [
      [-1, 1],
      [3, 0.25],
      [0, 0],
      [0, 0],
    ],
  ]);
  return [
    steps,
    tf.tensor2d([
      [0.1, 0.2, 0.3],
      [-1, 0, 1],
    ]),
  ];
}

async function outputsOf(model: Layer, xs: tf.Tensor[]): Promise<Float32Array[]> {
  const ys = model.applyMulti(xs);
  const values = await Promise.all(ys.map((y) => y.data() as Promise<Float32Array>));
  tf.dispose(ys);
  return values;
}

describeEachBackend('Model: save and load', () => {
  test('saveModel/loadModel: same graph, names, bit-exact outputs (two inputs, shared, nested, masked)', async () => {
    const model = richModel();
    const xs = sampleInputs();
    const before = await outputsOf(model, xs);
    const where = join(directory, `rich-${tf.getBackend()}`);
    await saveModel(model, where);
    const loaded = (await loadModel(where)) as Model;
    expect(loaded).toBeInstanceOf(Model);
    expect(loaded.inputNames).toEqual(['steps', 'extra']);
    expect(loaded.outputNames).toEqual(['score', 'code']);
    expect(loaded.inputShapes).toEqual([
      [null, null, 2],
      [null, 3],
    ]);
    expect(loaded.getConfig()).toEqual(model.getConfig());
    const after = await outputsOf(loaded, xs);
    expect(after).toEqual(before);
    // A free length still works after loading.
    const longer = tf.ones([1, 9, 2]);
    const extra = tf.ones([1, 3]);
    const ys = loaded.applyMulti([longer, extra]);
    expect(ys.map((y) => y.shape)).toEqual([
      [1, 1],
      [1, 2],
    ]);
    tf.dispose([...xs, longer, extra, ...ys]);
    model.dispose();
    loaded.dispose();
  });

  test('a layer shared between the graph and a container cannot be saved (it would load as two)', async () => {
    const x = input({ shape: [2] });
    const shared = new Dense({ units: 2, name: 'shared' });
    const y = new Sequential({ layers: [shared], name: 'stack' }).apply(shared.apply(x));
    const model = new Model({ inputs: x, outputs: y });
    await expect(serializeModel(model)).rejects.toThrow(
      /Model\.getConfig: layer 'shared' is shared by the graph and 'stack'; a saved graph can share a layer/,
    );
    model.dispose();
  });

  test('a one-input model of fixed size is written as format version 1; several inputs as version 2', async () => {
    const x = input({ shape: [3] });
    const single = new Model({ inputs: x, outputs: new Dense({ units: 1 }).apply(x) });
    expect((await serializeModel(single)).topology).toMatchObject({ formatVersion: 1, inputShape: [null, 3] });
    const rich = richModel();
    const { topology } = await serializeModel(rich);
    expect(topology).toMatchObject({
      formatVersion: 2,
      inputShapes: [
        [null, null, 2],
        [null, 3],
      ],
    });
    expect(topology.inputShape).toBeUndefined();
    single.dispose();
    rich.dispose();
  });
});

describeEachBackend('Model: hostile or damaged saved graphs are refused; nothing is left behind', () => {
  test('cycles, dangling references, unknown types, unused parts, prototype keys', async () => {
    const model = richModel();
    const saved = await serializeModel(model);
    model.dispose();
    const text = JSON.stringify(saved.topology);
    type Node = { layer: string; inputs: unknown[] };
    type Graph = {
      inputs: { name: string }[];
      layers: { type: string; name: string }[];
      nodes: [Node, Node, ...Node[]];
      outputs: unknown[];
    };
    const edited = (change: (graph: Graph) => void) => {
      const topology = JSON.parse(text);
      change(topology.model);
      return { topology, weights: saved.weights };
    };
    const cases: [string, { topology: unknown; weights: ArrayBuffer }, RegExp][] = [
      [
        'a node reading itself (a cycle)',
        edited((g) => (g.nodes[1].inputs = [{ node: 1, output: 0 }])),
        /nodes\[1\]\.inputs\[0\] reads node 1 output 0, which is not an earlier node's output.*no cycles/,
      ],
      [
        'a node reading a later node',
        edited((g) => (g.nodes[0].inputs = [{ node: 4, output: 0 }])),
        /nodes\[0\]\.inputs\[0\] reads node 4/,
      ],
      ['an unknown input', edited((g) => (g.nodes[0].inputs = [{ input: 'nope' }])), /reads input 'nope'/],
      [
        'an unknown layer type',
        edited((g) => ((g.layers[0] as { type: string }).type = 'Evil')),
        /unknown layer type "Evil"/,
      ],
      [
        'a node of a missing layer',
        edited((g) => (g.nodes[0].layer = 'ghost')),
        /nodes\[0\] must name one of the layers/,
      ],
      [
        'an input nothing reads',
        edited((g) => g.inputs.push({ name: 'dangling', shape: [2], dtype: 'float32' } as never)),
        /input 'dangling' is not used by any output/,
      ],
      [
        'two layers with one name',
        edited((g) => (g.layers[1] = { ...g.layers[0] } as never)),
        /layers\[1\] is named '.*' like an earlier layer/,
      ],
      [
        'a bad reference',
        edited((g) => (g.outputs[0] = { node: '1', output: 0 })),
        /outputs\[0\] is not \{ input: name \}/,
      ],
      ['no outputs', edited((g) => (g.outputs = [])), /expected outputs to be a non-empty array/],
      [
        'output names that do not match the outputs',
        edited((g) => ((g as unknown as { outputNames: string[] }).outputNames = ['only'])),
        /expected outputNames to be 2 strings/,
      ],
      [
        'a prototype-polluting key',
        { topology: text.replace('"nodes":', '"__proto__":{"polluted":1},"nodes":'), weights: saved.weights },
        /forbidden key '__proto__'/,
      ],
    ];
    const topologyEdited = (change: (topology: Record<string, unknown>) => void) => {
      const topology = JSON.parse(text);
      change(topology);
      return { topology, weights: saved.weights };
    };
    cases.push(
      [
        'version 2 without inputShapes',
        topologyEdited((t) => delete t.inputShapes),
        /expected version 2 to have inputShapes, 1\.\.1024 shapes \(and no inputShape\)/,
      ],
      [
        'version 2 with inputShape as well',
        topologyEdited((t) => (t.inputShape = [null, 3])),
        /expected version 2 to have inputShapes/,
      ],
      [
        'a zero size in inputShapes',
        topologyEdited(
          (t) =>
            (t.inputShapes = [
              [null, null, 2],
              [null, 0],
            ]),
        ),
        /expected inputShapes\[1\] \[null, \.\.\.positive sizes or null\] of rank 1\.\.8, got \[null,0\]/,
      ],
      [
        'free sizes for a layer that is not a graph',
        topologyEdited((t) => {
          t.model = { type: 'Dense', name: 'plain', units: 1 };
          t.inputShapes = [[null, null]];
        }),
        /cannot rebuild the model: build: a Dense cannot be built for free \(null\) input sizes/,
      ],
      [
        'a batch that is not null',
        topologyEdited(
          (t) =>
            (t.inputShapes = [
              [4, null, 2],
              [null, 3],
            ]),
        ),
        /expected inputShapes\[0\] \[null, /,
      ],
    );
    for (const [what, input, message] of cases) {
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) await expect(deserializeModel(input), what).rejects.toThrow(message);
      expect(tf.memory().numTensors, what).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});
