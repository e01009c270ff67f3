import * as tf from '@tensorflow/tfjs-core';
import reference from '../fixtures/torch-reference.json';
import reference2 from '../fixtures/torch-reference-2.json';
import sequenceModels from '../fixtures/torch-sequence-models.json';
import volumeOps from '../fixtures/torch-volume-ops.json';
import torchaudioKaldi from '../fixtures/torchaudio-kaldi.json';

// Every section of every fixture file, one tree: those of torch-reference.json, the conv3d, kaldi and
// style sections of torch-reference-2.json, torch-sequence-models.json's (written by
// scripts/generate-sequence-models.py), torch-volume-ops.json's (scripts/generate-volume-ops.py) and
// torchaudio-kaldi.json's (scripts/generate-kaldi-features.py).
const sections: Record<string, unknown> = {
  ...reference,
  conv3d: reference2.conv3d,
  kaldi: reference2.kaldi,
  style: reference2.style,
  sequenceModels: sequenceModels.sequenceModels,
  volumeOps: volumeOps.volumeOps,
  kaldiFeatures: torchaudioKaldi.kaldiFeatures,
};

/** A tensor as the fixture stores it: row-major data and its shape. */
export interface FixtureTensor {
  shape: number[];
  data: number[];
}

/** One case of the PyTorch reference data, with typed accessors that fail clearly. */
export interface TorchFixtureCase {
  readonly section: string;
  readonly name: string;
  /** The keys of this case (`x`, `y`, `dy`, `dx`, `definition`, ...). */
  readonly keys: string[];
  /** The raw value under `key`. */
  get(key: string): unknown;
  /** A stored tensor as `{ shape, data }` (float64 numbers as PyTorch wrote them). */
  spec(key: string): FixtureTensor;
  /** A stored tensor as a new tf.Tensor (float32 unless `dtype` says otherwise); the caller disposes it. */
  tensor(key: string, dtype?: 'float32' | 'int32'): tf.Tensor;
  /** A stored number. */
  number(key: string): number;
}

/**
 * Reads one case of the PyTorch 1.13 reference data (float64) kept in this private workspace package.
 * `section` is a key of the JSON, dotted for nesting ('activations.cases', 'losses', 'convPool',
 * 'recurrent', 'norms' from torch-reference.json; 'conv3d', 'kaldi', 'style' from torch-reference-2.json;
 * 'sequenceModels' from torch-sequence-models.json; 'volumeOps' from torch-volume-ops.json; 'kaldiFeatures'
 * from torchaudio-kaldi.json);
 * `name` is the case's key within it. Independent of the current directory:
 * the data is bundled into this module.
 *
 * @example
 * const c = loadTorchFixture('activations.cases', 'sigmoid');
 * await expectTensorsClose(tf.sigmoid(c.tensor('x')), c.spec('y'));
 */
export function loadTorchFixture(section: string, name: string): TorchFixtureCase {
  const sectionValue = section.split('.').reduce<unknown>((node, key) => child(node, key), sections);
  if (!isRecord(sectionValue))
    throw new Error(`loadTorchFixture: no section '${section}' (sections: ${Object.keys(sections).join(', ')})`);
  const value = child(sectionValue, name);
  if (!isRecord(value))
    throw new Error(
      `loadTorchFixture: no case '${name}' in '${section}' (cases: ${Object.keys(sectionValue).join(', ')})`,
    );
  const describe = `${section}.${name}`;
  const get = (key: string): unknown => {
    if (!Object.hasOwn(value, key))
      throw new Error(
        `loadTorchFixture: case '${describe}' has no key '${key}' (keys: ${Object.keys(value).join(', ')})`,
      );
    return value[key];
  };
  const spec = (key: string): FixtureTensor => {
    const raw = get(key);
    if (!isRecord(raw) || !Array.isArray(raw.shape) || !Array.isArray(raw.data))
      throw new Error(`loadTorchFixture: '${describe}.${key}' is not a tensor`);
    return { shape: raw.shape as number[], data: raw.data as number[] };
  };
  return {
    section,
    name,
    keys: Object.keys(value),
    get,
    spec,
    tensor: (key, dtype = 'float32') => {
      const { shape, data } = spec(key);
      return tf.tensor(data, shape, dtype);
    },
    number: (key) => {
      const raw = get(key);
      if (typeof raw !== 'number') throw new Error(`loadTorchFixture: '${describe}.${key}' is not a number`);
      return raw;
    },
  };
}

/** The case names of a section, e.g. every conv/pool case, for table-driven tests. */
export function torchFixtureNames(section: string): string[] {
  const sectionValue = section.split('.').reduce<unknown>((node, key) => child(node, key), sections);
  if (!isRecord(sectionValue)) throw new Error(`torchFixtureNames: no section '${section}'`);
  return Object.keys(sectionValue);
}

function child(node: unknown, key: string): unknown {
  return isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
