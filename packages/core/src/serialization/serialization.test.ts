import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import {
  BatchNorm,
  Dense,
  Dropout,
  GroupNorm,
  LayerNorm,
  Residual,
  Sequential,
  Flatten,
  Composite,
} from '../layers/index.js';
import {
  deserializeModel,
  loadModel,
  saveModel,
  serializeModel,
  type ModelTopology,
  type SerializedModel,
} from './index.js';

const directory = mkdtempSync(join(tmpdir(), 'baihua-models-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function model(): Sequential {
  return new Sequential({
    name: 'net',
    seed: 11,
    layers: [
      new Flatten(),
      new Dense({ units: 6, activation: 'linear', kernelInitializer: 'heNormal' }),
      new BatchNorm({ momentum: 0.8 }),
      new Residual({ body: new Sequential({ layers: [new LayerNorm(), new Dense({ units: 6 })] }) }),
      new GroupNorm({ groups: 3 }),
      new Dropout({ rate: 0.3 }),
      new Dense({ units: 2, kernelInitializer: { name: 'orthogonal', gain: 1.5 } }),
    ],
  });
}

async function bytesOf(layer: Sequential): Promise<number[][]> {
  return Promise.all(
    layer.weights().map(async (w) => Array.from(new Uint8Array(((await w.read().data()) as Float32Array).buffer))),
  );
}

/** A fresh serialised copy with `edit` applied to its topology (and optionally its bytes). */
async function edited(
  edit: (topology: ModelTopology) => void,
  weights?: (bytes: ArrayBuffer) => ArrayBuffer,
): Promise<SerializedModel> {
  const m = model();
  m.ensureBuilt([1, 2, 2]);
  const serialized = await serializeModel(m);
  m.dispose();
  const topology = JSON.parse(JSON.stringify(serialized.topology)) as ModelTopology;
  edit(topology);
  return { topology, weights: weights ? weights(serialized.weights) : serialized.weights };
}

describeEachBackend('serializeModel / deserializeModel', () => {
  test('round trip is bit-exact and the copy computes the same outputs', async () => {
    const original = model();
    const x = tf.tensor3d([
      [
        [0.1, 0.2],
        [0.3, -0.4],
      ],
      [
        [1, -1],
        [0.5, 0.25],
      ],
    ]);
    original.apply(x, { training: true }).dispose(); // moves BatchNorm's running statistics off their defaults
    const { topology, weights } = await serializeModel(original);
    expect(topology).toMatchObject({ format: 'baihua-model', formatVersion: 1, inputShape: [null, 2, 2] });
    expect(weights.byteLength).toBe(original.countParams() * 4);
    const copy = (await deserializeModel({ topology: JSON.stringify(topology), weights })) as Sequential;
    expect(await bytesOf(copy)).toEqual(await bytesOf(original));
    expect(copy.getConfig()).toEqual(original.getConfig());
    const [ya, yb] = [original.apply(x), copy.apply(x)];
    // Same weights, same program (webgpu may reorder sums).
    await expectTensorsClose(yb, ya, { rtol: 1e-6, atol: 1e-7 });
    tf.dispose([x, ya, yb]);
    original.dispose();
    copy.dispose();
  });
});

describeEachBackend(
  'saveModel / loadModel (Node files)',
  () => {
    test('writes model.json and weights.bin; loads a bit-exact copy', async (context) => {
      const original = model();
      original.ensureBuilt([1, 2, 2]);
      const where = join(directory, `round-trip-${context.task.id}`);
      await saveModel(original, where);
      const json = JSON.parse(readFileSync(join(where, 'model.json'), 'utf8'));
      expect(json.format).toBe('baihua-model');
      expect(readFileSync(join(where, 'weights.bin')).byteLength).toBe(original.countParams() * 4);
      const copy = (await loadModel(where)) as Sequential;
      expect(await bytesOf(copy)).toEqual(await bytesOf(original));
      original.dispose();
      copy.dispose();
    });
  },
  { backends: ['cpu'] },
); // file handling does not depend on the backend; the bit-exact round trip is checked on every backend above

describeEachBackend(
  'loading refuses bad files, leaving nothing behind',
  () => {
    const cases: [string, () => Promise<SerializedModel>, RegExp][] = [
      [
        'unknown layer type',
        () => edited((t) => ((t.model.layers as { type: string }[])[1]!.type = 'EvilLayer')),
        /unknown layer type "EvilLayer"/,
      ],
      [
        '__proto__ key',
        async () =>
          ({
            topology: '{"format":"baihua-model","__proto__":{"polluted":true}}',
            weights: new ArrayBuffer(0),
          }) as never,
        /forbidden key '__proto__'/,
      ],
      [
        'constructor key in an object',
        () =>
          edited((t) => Object.defineProperty(t.model, 'constructor', { value: { prototype: {} }, enumerable: true })),
        /forbidden key 'constructor' at topology\.model/,
      ],
      [
        'not JSON',
        async () => ({ topology: '{"format": "baihua-model",', weights: new ArrayBuffer(0) }) as never,
        /malformed topology: not valid JSON/,
      ],
      [
        'wrong format name',
        () => edited((t) => ((t as { format: string }).format = 'keras')),
        /expected format 'baihua-model', got "keras"/,
      ],
      [
        'newer format version',
        () => edited((t) => (t.formatVersion = 3)),
        /unsupported formatVersion 3: this @baihua\/core reads version 2/,
      ],
      [
        'truncated weights',
        () =>
          edited(
            () => {},
            (b) => b.slice(0, b.byteLength - 4),
          ),
        /sizes do not add up: the manifest describes \d+ bytes of weights, the weights buffer has \d+ \(truncated\?\)/,
      ],
      [
        'extra bytes',
        () =>
          edited(
            () => {},
            (b) => {
              const longer = new Uint8Array(b.byteLength + 4);
              longer.set(new Uint8Array(b));
              return longer.buffer;
            },
          ),
        /sizes do not add up/,
      ],
      [
        'byteLength that does not match the shape',
        () => edited((t) => (t.weights[0]!.byteLength += 4)),
        /sizes do not add up: weights\[0\]/,
      ],
      ['overlapping offsets', () => edited((t) => (t.weights[1]!.byteOffset = 0)), /sizes do not add up: weights\[1\]/],
      [
        'shape mismatch (manifest and bytes agree, model disagrees)',
        () => edited((t) => (t.weights[0]!.shape = [6, 4])),
        /the weights do not match the model: weight 0 is '.*\/kernel' of shape \[4,6\], the manifest has '.*\/kernel'/,
      ],
      [
        'renamed weight',
        () => edited((t) => (t.weights[2]!.path = 'other/gamma')),
        /the weights do not match the model: weight 2 is '.*\/gamma' of shape \[6\], the manifest has 'other\/gamma'/,
      ],
      [
        'a topology that asks for more parameters than the file holds',
        () => edited((t) => ((t.model.layers as { units: number }[])[1]!.units = 1e9)),
        /the topology asks for more parameters than the weights hold/,
      ],
      [
        'wrong weight count',
        () => edited((t) => (t.model.layers as { type: string; units?: number }[]).pop()),
        /the topology builds \d+ weights, the manifest lists \d+|more parameters than the weights hold/,
      ],
      [
        'bad input shape',
        () => edited((t) => (t.inputShape = [null, -2])),
        /expected inputShape \[null, \.\.\.positive sizes\]/,
      ],
      [
        'bad option in a layer config',
        () => edited((t) => ((t.model.layers as { rate: number }[])[5]!.rate = 7)),
        /Dropout: expected rate in \[0, 1\), got 7/,
      ],
      [
        'weights not bytes',
        async () => ({ topology: {}, weights: 'abc' }) as never,
        /expected weights to be an ArrayBuffer or Uint8Array, got string/,
      ],
    ];
    for (const [name, make, message] of cases) {
      test(name, async () => {
        const input = await make();
        const before = tf.memory().numTensors;
        await expect(deserializeModel(input)).rejects.toThrow(message);
        expect(tf.memory().numTensors).toBe(before);
        expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      });
    }

    test('loadModel: missing files and hostile files are refused with the file named', async () => {
      const where = join(directory, 'hostile');
      await expect(loadModel(where)).rejects.toThrow(/loadModel: cannot read .*hostile\/model\.json/);
      const good = model();
      good.ensureBuilt([1, 2, 2]);
      await saveModel(good, where);
      good.dispose();
      writeFileSync(join(where, 'weights.bin'), new Uint8Array(10));
      const before = tf.memory().numTensors;
      await expect(loadModel(where)).rejects.toThrow(/loadModel: sizes do not add up/);
      expect(tf.memory().numTensors).toBe(before);
    });
  },
  { backends: ['cpu'] },
); // validation runs before any tensor exists; backend-independent

test('serializeModel refuses unbuilt and code-defined models', async () => {
  await expect(serializeModel(model())).rejects.toThrow(/serializeModel: model 'net' is not built yet/);
  const composite = new Composite({ layers: { a: new Dense({ units: 1 }) }, forward: ({ a }, x) => a.apply(x) });
  composite.ensureBuilt([1, 2]);
  await expect(serializeModel(composite)).rejects.toThrow(/Composite\.getConfig: .*no saveable topology/);
  composite.dispose();
  await expect(saveModel(model(), '')).rejects.toThrow(
    /saveModel: expected directory to be a non-empty string, got ""/,
  );
});
