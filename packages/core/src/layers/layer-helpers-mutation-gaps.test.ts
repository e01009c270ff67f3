// The helpers around Layer, case by case (issue 21: mutation testing found these unchecked): the
// type registry's checks and messages, snake-case names against Keras' rule run in Python, default
// and child seeds against a BigInt reference, the summary table written out by hand, and
// withoutGradient's zero gradient with two inputs.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { createRandom } from '../random/seeded-random.js';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { BatchNorm } from './batch-norm.js';
import { Dense } from './dense.js';
import { Layer, type CallContext, type LayerOptions } from './layer.js';
import { childSeed, nextDefaultSeed, snakeCaseTypeName, uniqueLayerName } from './layer-naming.js';
import { layerFromConfig, registeredLayerTypes, registerLayerType } from './layer-registry.js';
import { withParameterBudget } from './parameter-budget.js';
import { Sequential } from './sequential.js';
import { summary } from './summary.js';
import { withoutGradient } from './without-gradient.js';

class Plain extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'GapPlain');
  }
  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.clone(x);
  }
}

test('registerLayerType: type names of letters, digits, _ . - starting with a letter; the whole name', () => {
  const factory = () => new Plain();
  for (const name of ['gapA', 'GapB9_.-z', 'g']) registerLayerType(name, factory);
  expect(registeredLayerTypes()).toEqual(expect.arrayContaining(['gapA', 'GapB9_.-z', 'g']));
  for (const name of ['1gap', '_gap', 'gap c', 'gap!', '', 'gap\n']) {
    expect(() => registerLayerType(name, factory)).toThrow(
      "registerLayerType: expected typeName of letters, digits, '_', '.', '-' (starting with a letter), " +
        `got ${JSON.stringify(name)}`,
    );
  }
  expect(() => registerLayerType(['GapArray'] as never, factory)).toThrow(/got \["GapArray"\]$/);
  expect(() => registerLayerType('GapNoFactory', 'factory' as never)).toThrow(
    /^registerLayerType: expected factory to be a function, got string$/,
  );
});

test('registerLayerType: the same factory (or its source text) again replaces it; another is refused', () => {
  const first = (config: Record<string, unknown>) => new Plain(config);
  registerLayerType('GapTwice', first);
  registerLayerType('GapTwice', first);
  const sameText = (config: Record<string, unknown>) => new Plain(config);
  registerLayerType('GapTwice', sameText);
  expect(() => registerLayerType('GapTwice', () => new Plain({ name: 'other' }))).toThrow(
    "registerLayerType: layer type 'GapTwice' is registered already by another factory; give your layer a type " +
      'name of its own (type names are unique across packages)',
  );
});

test('registeredLayerTypes is sorted, not in registration order', () => {
  registerLayerType('zzGapLast', () => new Plain());
  registerLayerType('aaGapFirst', () => new Plain());
  const names = registeredLayerTypes();
  expect(names).toEqual([...names].sort());
  expect(names.indexOf('aaGapFirst')).toBeLessThan(names.indexOf('zzGapLast'));
});

test('layerFromConfig: refusals name what came; the factory gets the config without its type', () => {
  const seen: Record<string, unknown>[] = [];
  registerLayerType('GapSeen', (config) => {
    seen.push(config);
    return new Plain(config as LayerOptions);
  });
  const layer = layerFromConfig({ type: 'GapSeen', name: 'made', trainable: false });
  expect(seen).toEqual([{ name: 'made', trainable: false }]);
  expect([layer.name, layer.trainable]).toEqual(['made', false]);
  expect(() => layerFromConfig([] as never)).toThrow(/^layerFromConfig: expected a layer config object, got an array$/);
  expect(() => layerFromConfig(3 as never)).toThrow(/^layerFromConfig: expected a layer config object, got number$/);
  const list = registeredLayerTypes().join(', ');
  const unknown = (type: string) =>
    `layerFromConfig: unknown layer type ${type} (registered: ${list}); import the package that defines it first`;
  expect(() => layerFromConfig({ type: 'GapNone' })).toThrow(unknown('"GapNone"'));
  expect(() => layerFromConfig({ type: 3 } as never)).toThrow(unknown('3'));
  expect(() => layerFromConfig({} as never)).toThrow(unknown('undefined'));
  // An inherited `type` is not the config's own.
  expect(() => layerFromConfig(Object.create({ type: 'GapSeen' }))).toThrow(unknown('"GapSeen"'));
  expect(seen).toHaveLength(1);
});

// Keras' rule (keras/src/utils/naming.py to_snake_case) run with Python 3's re on these names.
test.each([
  ['My-Layer.v2', 'my_layerv2'],
  ['ABCDef', 'abc_def'],
  ['HTTPServer2D', 'http_server2d'],
  ['aB', 'a_b'],
  ['x__Y.z', 'x___yz'],
  ['XAbcDe', 'x_abc_de'],
  ['Conv3DTranspose', 'conv3d_transpose'],
  ['A', 'a'],
])('snake case of %s is %s', (typeName, expected) => {
  expect(snakeCaseTypeName(typeName)).toBe(expected);
});

test('uniqueLayerName: a name with no letter or digit counts as layer_N', () => {
  const first = uniqueLayerName('');
  const n = Number(first.match(/^layer_(\d+)$/)?.[1]);
  expect(n).toBeGreaterThanOrEqual(1);
  expect(uniqueLayerName('-.-')).toBe(`layer_${n + 1}`);
  expect(uniqueLayerName('GapNamed.Twice')).toMatch(/^gap_named_twice_1$/);
  expect(uniqueLayerName('GapNamed.Twice')).toBe('gap_named_twice_2');
});

test('nextDefaultSeed: the process-wide sequence floor(2^31 u), u from the generator seeded 0x5eed', () => {
  const key = Symbol.for('baihua.layerDefaultSeeds');
  const holder = globalThis as { [key]?: unknown };
  const saved = holder[key];
  delete holder[key]; // as in a fresh process
  try {
    const random = createRandom(0x5eed);
    const expected = [0, 1, 2].map(() => Math.floor(random.next() * 2 ** 31));
    expect([nextDefaultSeed(), nextDefaultSeed(), nextDefaultSeed()]).toEqual(expected);
  } finally {
    holder[key] = saved;
  }
});

test('the registry, name counters and parameter budget live on globalThis, shared by every copy of core', () => {
  const global = globalThis as Record<symbol, unknown>;
  const types = global[Symbol.for('baihua.layerRegistry')] as Map<string, unknown>;
  expect(types.has('Sequential')).toBe(true);
  const name = uniqueLayerName('GapShared');
  const counters = global[Symbol.for('baihua.layerNameCounters')] as Map<string, number>;
  expect(`gap_shared_${counters.get('gap_shared')}`).toBe(name);
  const budget = withParameterBudget('owner', 5, () => global[Symbol.for('baihua.parameterBudget')]);
  expect(budget).toEqual({ left: 5, owner: 'owner' });
});

test('nextDefaultSeed: integers spread over [0, 2^31), each new', () => {
  const seeds = Array.from({ length: 8 }, () => nextDefaultSeed());
  for (const seed of seeds) {
    expect(Number.isInteger(seed)).toBe(true);
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(seed).toBeLessThan(2 ** 31);
  }
  expect(new Set(seeds).size).toBe(8);
  expect(Math.max(...seeds)).toBeGreaterThan(2 ** 24); // all 8 below 2^24 has probability 2^-56
});

/** childSeed by its formula in BigInt arithmetic (32-bit wrap-around written out). */
function childSeedReference(seed: number, index: number): number {
  const i32 = (v: bigint) => BigInt.asIntN(32, v);
  const mixed = i32(BigInt(seed) ^ 0x9e3779b9n);
  const sum = i32(mixed * 31n) + i32(BigInt(index + 1) * 0x85ebca6bn);
  return Number(BigInt.asUintN(32, sum) >> 1n);
}

test('childSeed: distinct per index and seed, as the formula gives', () => {
  for (const seed of [0, 1, 42, 2 ** 31 - 1])
    for (const index of [0, 1, 2, 7]) expect(childSeed(seed, index)).toBe(childSeedReference(seed, index));
  expect(childSeed(42, 0)).not.toBe(childSeed(42, 1));
  expect(childSeed(42, 0)).not.toBe(childSeed(43, 0));
});

describeEachBackend('layer helpers', () => {
  test('summary: the whole table, before and after a run (? and null shapes, indents, totals)', () => {
    const model = new Sequential({
      name: 'net',
      seed: 1,
      layers: [
        new Dense({ units: 400, name: 'wide' }),
        new BatchNorm({ name: 'bn' }),
        new Dense({ units: 1, name: 'out' }),
      ],
    });
    model.ensureBuilt([1, 3]); // runs the children only: the model's own output shape is still unknown
    // wide 3 x 400 + 400; bn gamma, beta (trainable), moving mean and variance (not) of 400; out 400 + 1.
    const table = (netRow: string) =>
      [
        'Layer (type)       Output shape   Params',
        '----------------------------------------',
        netRow,
        '  wide (Dense)     [null,400]      1,600',
        '  bn (BatchNorm)   [null,400]      1,600',
        '  out (Dense)      [null,1]          401',
        '----------------------------------------',
        'Total params: 3,601',
        'Trainable params: 2,801',
        'Non-trainable params: 800',
      ].join('\n');
    expect(summary(model)).toBe(table('net (Sequential)   ?               3,601'));
    const x = tf.zeros([2, 3]);
    model.apply(x).dispose();
    expect(model.summary()).toBe(table('net (Sequential)   [null,1]        3,601'));
    x.dispose();
    model.dispose();
  });

  test('withoutGradient: the value of compute on every input, a zero gradient for each', async () => {
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.tensor2d([[10], [20]]);
    // f(a, b) = sum(stop(a + b) * a): df/da = column sums of stop(a + b), df/db = 0.
    const f = (u: tf.Tensor, v: tf.Tensor) =>
      tf.sum(
        tf.mul(
          withoutGradient((p, q) => tf.add(p, q), u, v),
          u,
        ),
      );
    const value = withoutGradient((p, q) => tf.add(p, q), a, b);
    await expectTensorsClose(value, [
      [11, 12, 13],
      [21, 22, 23],
    ]);
    const [da, db] = tf.grads(f)([a, b]) as [tf.Tensor, tf.Tensor];
    await expectTensorsClose(da, [32, 34, 36]);
    expect(db.shape).toEqual([2, 1]);
    await expectTensorsClose(db, [[0], [0]]);
    // The mask case: a comparison (no gradient in tfjs) inside is fine.
    const dx = tf.grad((x: tf.Tensor) =>
      tf.sum(
        tf.mul(
          tf.cast(
            withoutGradient((p) => tf.greater(p, 1.5), x),
            'float32',
          ),
          x,
        ),
      ),
    )(a);
    await expectTensorsClose(dx, [0, 1, 1]);
    tf.dispose([a, b, value, da, db, dx]);
  });
});
