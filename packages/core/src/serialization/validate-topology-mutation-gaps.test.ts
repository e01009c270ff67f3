// The topology checks called directly (no tensors): every refusal with its whole message, and the
// limits at and one past their bounds (depth 64, rank 8, 1024 inputs, 2^26 input elements, sizes up
// to 2^31), so that a check turned off or moved by one is seen.
import { describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { parseTopologyJson, validateTopology } from './validate-topology.js';

type Topology = Record<string, unknown> & { weights: Record<string, unknown>[] };

/** A valid version 1 topology: one Dense layer, kernel [2, 3] then bias [3] (36 bytes). */
function valid(): Topology {
  return {
    format: 'baihua-model',
    formatVersion: 1,
    inputShape: [null, 2],
    model: { type: 'Dense', units: 3 },
    weights: [
      { path: 'd/kernel', shape: [2, 3], dtype: 'float32', byteOffset: 0, byteLength: 24 },
      { path: 'd/bias', shape: [3], dtype: 'float32', byteOffset: 24, byteLength: 12 },
    ],
  };
}

function edited(change: (t: Topology) => void): Topology {
  const topology = valid();
  change(topology);
  return topology;
}

/** The message of the ArgumentError `call` throws (fails when it throws nothing or something else). */
function refusal(call: () => unknown): string {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(ArgumentError.isInstance(thrown), `expected an ArgumentError, got ${String(thrown)}`).toBe(true);
  return (thrown as Error).message;
}

const check =
  (topology: unknown, bytes = 36) =>
  () =>
    validateTopology('f', topology, bytes);

/** An object nested `levels` deep: `{ a: { a: ... {} } }`. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('parseTopologyJson', () => {
  test('refuses text that is not a string, naming its type', () => {
    expect(refusal(() => parseTopologyJson('f', 3 as never))).toBe('f: expected the topology as JSON text, got number');
  });

  test('refuses a forbidden key while parsing, with its own message (not wrapped as bad JSON)', () => {
    expect(refusal(() => parseTopologyJson('f', '{"a":{"constructor":1}}'))).toBe(
      "f: malformed topology: forbidden key 'constructor'",
    );
    expect(refusal(() => parseTopologyJson('f', '{"prototype":[]}'))).toBe(
      "f: malformed topology: forbidden key 'prototype'",
    );
  });

  test('wraps a syntax error, and parses good text to the same data', () => {
    expect(refusal(() => parseTopologyJson('f', '{"a":'))).toMatch(/^f: malformed topology: not valid JSON \(.+\)$/);
    expect(parseTopologyJson('f', '{"a":[1,null,"x"]}')).toEqual({ a: [1, null, 'x'] });
  });
});

describe('validateTopology', () => {
  test('returns the very topology it was given when it is valid', () => {
    const topology = valid();
    expect(validateTopology('f', topology, 36)).toBe(topology);
  });

  test('nesting: 64 levels below the topology pass, 65 are refused with the path', () => {
    // model is at depth 1, model.x at 2: nested(62) puts its innermost object at depth 64.
    const deep = edited((t) => (t.model = { type: 'Dense', x: nested(62) }));
    expect(validateTopology('f', deep, 36)).toBe(deep);
    const deeper = edited((t) => (t.model = { type: 'Dense', x: nested(63) }));
    expect(refusal(check(deeper))).toBe(
      `f: malformed topology: nested deeper than 64 levels at topology.model.x${'.a'.repeat(63)}`,
    );
  });

  test('objects that are not plain data are refused; null-prototype objects are plain', () => {
    const dated = edited((t) => (t.model = { type: 'Dense', when: new Date(0) }));
    expect(refusal(check(dated))).toBe('f: malformed topology: topology.model.when is not plain JSON data');
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { type: 'Dense', units: 3 });
    const withBare = edited((t) => (t.model = bare));
    expect(validateTopology('f', withBare, 36)).toBe(withBare);
  });

  test('a topology that is not an object is refused, naming what it is', () => {
    expect(refusal(check([1]))).toBe('f: malformed topology: expected an object, got an array');
    expect(refusal(check(null))).toBe('f: malformed topology: expected an object, got null');
    expect(refusal(check('text'))).toBe('f: malformed topology: expected an object, got string');
    expect(refusal(check(7))).toBe('f: malformed topology: expected an object, got number');
  });

  test('format version: not a positive integer, and newer than this code', () => {
    for (const [version, shown] of [
      ['2', '"2"'],
      [1.5, '1.5'],
      [0, '0'],
      [-1, '-1'],
      [undefined, 'undefined'],
    ] as const) {
      expect(refusal(check(edited((t) => (t.formatVersion = version))))).toBe(
        `f: malformed topology: expected formatVersion to be a positive integer, got ${shown}`,
      );
    }
    expect(refusal(check(edited((t) => (t.formatVersion = 3))))).toBe(
      'f: unsupported formatVersion 3: this @baihua/core reads version 2; upgrade @baihua/core',
    );
  });

  test('version 1 input shape: rank 1 to 8, batch null, positive sizes', () => {
    const shaped = (inputShape: unknown) => edited((t) => (t.inputShape = inputShape));
    for (const good of [[null], [null, 1, 1, 1, 1, 1, 1, 1]]) {
      const topology = shaped(good);
      expect(validateTopology('f', topology, 36)).toBe(topology);
    }
    for (const [bad, shown] of [
      [undefined, 'undefined'],
      [[], '[]'],
      [[null, 1, 1, 1, 1, 1, 1, 1, 1], '[null,1,1,1,1,1,1,1,1]'],
      [[2, 2], '[2,2]'],
      [[null, 2, -1], '[null,2,-1]'],
      [[null, 0], '[null,0]'],
      [[null, null], '[null,null]'],
      [[null, 1.5], '[null,1.5]'],
    ] as const) {
      expect(refusal(check(shaped(bad)))).toBe(
        `f: malformed topology: expected inputShape [null, ...positive sizes] of rank 1..8, got ${shown}`,
      );
    }
  });

  test('input elements: 2^26 per example pass, one row more is refused with the count', () => {
    const largest = edited((t) => (t.inputShape = [null, 8192, 8192]));
    expect(validateTopology('f', largest, 36)).toBe(largest);
    expect(refusal(check(edited((t) => (t.inputShape = [null, 8192, 8193]))))).toBe(
      'f: malformed topology: inputShape [null,8192,8193] has 67117056 elements per example (limit 67108864)',
    );
    // Version 2: a free (null) size counts as 1.
    const free = edited((t) => {
      t.formatVersion = 2;
      delete t.inputShape;
      t.inputShapes = [
        [null, 2],
        [null, null, 8192, 8193],
      ];
    });
    expect(refusal(check(free))).toBe(
      'f: malformed topology: inputShapes[1] [null,null,8192,8193] has 67117056 elements per example ' +
        '(limit 67108864)',
    );
  });

  test('version 2 input shapes: 1 to 1024 of them, free sizes allowed', () => {
    const shapes = (inputShapes: unknown) =>
      edited((t) => {
        t.formatVersion = 2;
        delete t.inputShape;
        t.inputShapes = inputShapes;
      });
    const most = shapes(Array.from({ length: 1024 }, () => [null, null, 2]));
    expect(validateTopology('f', most, 36)).toBe(most);
    const message = (shown: string) =>
      'f: malformed topology: expected version 2 to have inputShapes, 1..1024 shapes (and no inputShape), ' +
      `got ${shown}`;
    expect(refusal(check(shapes([])))).toBe(message('[]'));
    const tooMany = Array.from({ length: 1025 }, () => [null, 1]);
    expect(refusal(check(shapes(tooMany)))).toBe(message(JSON.stringify(tooMany).slice(0, 80)));
    expect(refusal(check(shapes([[null, 0]])))).toBe(
      'f: malformed topology: expected inputShapes[0] [null, ...positive sizes or null] of rank 1..8, got [null,0]',
    );
  });

  test('the model must be an object with a string type', () => {
    const message = 'f: malformed topology: expected model to be a layer config with a string type';
    expect(refusal(check(edited((t) => (t.model = { type: 3 }))))).toBe(message);
    expect(refusal(check(edited((t) => delete t.model)))).toBe(message);
    expect(refusal(check(edited((t) => (t.model = ['Dense']))))).toBe(message);
  });

  test('the weights must be an array of objects', () => {
    expect(refusal(check(edited((t) => (t.weights = {} as never))))).toBe(
      'f: malformed topology: expected weights to be an array, got object',
    );
    expect(refusal(check(edited((t) => delete (t as Partial<Topology>).weights)))).toBe(
      'f: malformed topology: expected weights to be an array, got undefined',
    );
    for (const entry of [null, [1], 'w']) {
      expect(refusal(check(edited((t) => (t.weights[1] = entry as never))))).toBe(
        'f: malformed topology: weights[1] is not an object',
      );
    }
  });

  test('weight paths: non-empty strings, each once', () => {
    for (const path of [3, '', undefined]) {
      expect(refusal(check(edited((t) => (t.weights[1]!.path = path))))).toBe(
        'f: malformed topology: weights[1].path must be a non-empty string',
      );
    }
    expect(refusal(check(edited((t) => (t.weights[1]!.path = 'd/kernel'))))).toBe(
      "f: malformed topology: weight path 'd/kernel' appears twice",
    );
  });

  test('weight shapes: up to 8 sizes from 0 to 2^31', () => {
    const one = (shape: unknown, byteLength: number) =>
      edited((t) => (t.weights = [{ path: 'w', shape, dtype: 'float32', byteOffset: 0, byteLength }]));
    for (const [shape, bytes] of [
      [[0], 0],
      [[], 4],
      [[1, 1, 1, 1, 1, 1, 1, 1], 4],
      [[2 ** 31], 2 ** 33],
    ] as const) {
      const topology = one(shape, bytes);
      expect(validateTopology('f', topology, bytes)).toBe(topology);
    }
    for (const [shape, shown] of [
      [[1, 1, 1, 1, 1, 1, 1, 1, 1], '[1,1,1,1,1,1,1,1,1]'],
      [[2, -1], '[2,-1]'],
      [[-1], '[-1]'],
      [[1.5], '[1.5]'],
      [['2'], '["2"]'],
      [[2 ** 31 + 1], '[2147483649]'],
      [5, '5'],
      ['abcdefghij', '"abcdefghij"'],
      [undefined, 'undefined'],
    ] as const) {
      expect(refusal(check(one(shape, 4), 4))).toBe(
        `f: malformed topology: weights[0].shape must be at most 8 non-negative integers, got ${shown}`,
      );
    }
  });

  test('weight dtype must be float32', () => {
    expect(refusal(check(edited((t) => (t.weights[0]!.dtype = 'int32'))))).toBe(
      `f: malformed topology: weights[0].dtype must be 'float32', got "int32"`,
    );
  });

  test('offsets and lengths must add up, entry by entry and in all', () => {
    expect(refusal(check(edited((t) => (t.weights[1]!.byteOffset = 20))))).toBe(
      "f: sizes do not add up: weights[1] ('d/bias', shape [3]) should be 12 bytes at offset 24, " +
        'got 12 bytes at offset 20',
    );
    expect(refusal(check(edited((t) => (t.weights[0]!.byteLength = '24'))))).toBe(
      "f: sizes do not add up: weights[0] ('d/kernel', shape [2,3]) should be 24 bytes at offset 0, " +
        'got "24" bytes at offset 0',
    );
    expect(refusal(check(valid(), 40))).toBe(
      'f: sizes do not add up: the manifest describes 36 bytes of weights, the weights buffer has 40',
    );
    expect(refusal(check(valid(), 32))).toBe(
      'f: sizes do not add up: the manifest describes 36 bytes of weights, the weights buffer has 32 (truncated?)',
    );
  });
});
