// Malformed graph configs the mutation run of the graph API found untested: entries that are null,
// undefined or of the wrong type, long values cut to 80 characters in the message, and the entry limit.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { JoinForTest } from '../../test/graph-test-layers.js';
import { Dense } from '../layers/dense.js';
import { layerFromConfig } from '../layers/layer-registry.js';
import { describeEachBackend } from '../testing.js';
import { input } from './input.js';
import { Model } from './model.js';

// biome-ignore lint/suspicious/noExplicitAny: configs are edited freely here
type Config = Record<string, any>;

function goodConfig(): Config {
  const a = input({ shape: [2], name: 'a' });
  const b = input({ shape: [2], name: 'b' });
  const model = new Model({
    inputs: [a, b],
    outputs: new JoinForTest({ name: 'join' }).apply([new Dense({ units: 2, name: 'd', seed: 2 }).apply(a), b]),
  });
  const config = JSON.parse(JSON.stringify(model.getConfig()));
  model.dispose();
  return config;
}

/** The message `layerFromConfig(config)` throws (it must throw). */
function refusal(config: Config): string {
  try {
    layerFromConfig(config as never).dispose();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error('expected layerFromConfig to refuse the config');
}

describeEachBackend('Model configs: malformed entries found by mutation testing', () => {
  test('entries that are null, undefined, arrays, functions or of the wrong type are named', () => {
    const good = goodConfig();
    const bad = (change: (c: Config) => void) => {
      const config = structuredClone(good);
      change(config);
      return config;
    };
    const start = 'Model: malformed config: ';
    const cases: [Config, string][] = [
      [bad((c) => (c.inputs[0] = null)), 'inputs[0] needs a name of its own, got null'],
      [bad((c) => (c.inputs[0] = undefined)), 'inputs[0] needs a name of its own, got undefined'],
      [
        bad((c) => (c.inputs[0].name = 5)),
        'inputs[0] needs a name of its own, got {"name":5,"shape":[2],"dtype":"float32"}',
      ],
      [bad((c) => (c.nodes[0] = null)), 'nodes[0] must name one of the layers and list its inputs, got null'],
      [bad((c) => (c.nodes[0] = undefined)), 'nodes[0] must name one of the layers and list its inputs, got undefined'],
      [bad((c) => (c.outputs[0] = null)), 'outputs[0] is not { input: name } or { node: index, output: index }: null'],
      [
        bad((c) => (c.outputs[0] = { input: 5 })),
        'outputs[0] is not { input: name } or { node: index, output: index }: {"input":5}',
      ],
      [bad((c) => delete c.nodes), 'expected nodes to be an array, got undefined'],
    ];
    const twoOutputs = bad((c) => {
      c.outputs = [c.outputs[0], c.outputs[0]];
      c.outputNames = ['y', 7];
    });
    cases.push([twoOutputs, 'expected outputNames to be 2 strings']);
    // A function has a name, but it is no input entry.
    cases.push([bad((c) => (c.inputs[0] = function a() {})), 'inputs[0] needs a name of its own, got undefined']);
    const before = tf.memory().numTensors;
    for (const [config, message] of cases) expect(refusal(config)).toBe(start + message);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('long values are cut to their first 80 characters in the message', () => {
    const good = goodConfig();
    const long = 'x'.repeat(200);
    const layers = refusal({ ...good, layers: long });
    expect(layers).toBe(
      `Model: malformed config: expected layers to be an array, got ${JSON.stringify(long).slice(0, 80)}`,
    );
    const entry = { ...good.inputs[0], name: 5, note: long };
    const inputs = refusal({ ...good, inputs: [entry, good.inputs[1]] });
    expect(inputs).toBe(
      `Model: malformed config: inputs[0] needs a name of its own, got ${JSON.stringify(entry).slice(0, 80)}`,
    );
    const node = { layer: 'missing', inputs: [{ input: 'a' }], note: long };
    const nodes = refusal({ ...good, nodes: [node, ...good.nodes.slice(1)] });
    const listsInputs = 'nodes[0] must name one of the layers and list its inputs';
    expect(nodes).toBe(`Model: malformed config: ${listsInputs}, got ${JSON.stringify(node).slice(0, 80)}`);
  });

  test('a list may hold 100 000 entries, not one more', () => {
    const good = goodConfig();
    // Exactly at the limit: the list is read (and then found not to match the one output).
    const names = new Array(100_000).fill('y');
    expect(refusal({ ...good, outputNames: names })).toBe(
      'Model: malformed config: expected outputNames to be 1 strings',
    );
    const inputs = new Array(100_001).fill(good.inputs[0]);
    expect(refusal({ ...good, inputs })).toBe(
      `Model: malformed config: expected inputs to be a non-empty array, got ${JSON.stringify(inputs).slice(0, 80)}`,
    );
  });
});
