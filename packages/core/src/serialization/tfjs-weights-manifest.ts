import { ArgumentError } from '../errors/argument-error.js';

/** How tfjs-converter quantised one weight: `value = stored * scale + min` (uint8 / uint16), or half floats. */
export interface TfjsQuantization {
  dtype: 'uint8' | 'uint16' | 'float16';
  /** Step between stored integers (uint8 / uint16). */
  scale?: number;
  /** The value stored integer 0 stands for (uint8 / uint16). */
  min?: number;
}

/** One weight of a tfjs weights manifest: its name, shape, dtype and optional quantisation. */
export interface TfjsWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
  quantization?: TfjsQuantization;
}

/** One group: its `.bin` shards (concatenated in order) hold its weights back to back. */
export interface TfjsWeightsGroup {
  paths: string[];
  weights: TfjsWeightSpec[];
}

/**
 * The weights manifest tfjs-converter and face-api write (`*-weights_manifest.json`, or the
 * `weightsManifest` of a `model.json`): a list of groups, each a list of shard paths and the weights
 * those shards hold back to back.
 *
 * In plain words: the table of contents of a folder of `.bin` files.
 */
export type TfjsWeightsManifest = TfjsWeightsGroup[];

const dtypes = ['float32', 'int32', 'bool'];
const quantizedDtypes = ['uint8', 'uint16', 'float16'];
const bytesPer: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

const isShape = (s: unknown): s is number[] =>
  Array.isArray(s) && s.every((d) => Number.isInteger(d) && (d as number) >= 0);

/** The bytes one weight takes in its shard: element count times the stored dtype's size. */
export function storedByteLength(spec: TfjsWeightSpec): number {
  const size = spec.shape.reduce((n, d) => n * d, 1);
  return size * (bytesPer[spec.quantization?.dtype ?? spec.dtype] as number);
}

/**
 * Checks that `manifest` has the tfjs form (see {@link TfjsWeightsManifest}) and that no weight
 * name repeats; throws `fn: expected ..., got ...` naming the entry otherwise.
 */
export function assertTfjsWeightsManifest(fn: string, manifest: unknown): asserts manifest is TfjsWeightsManifest {
  if (!Array.isArray(manifest))
    throw new ArgumentError(
      fn,
      `expected manifest to be an array of { paths, weights } groups, got ${typeof manifest}`,
    );
  const seen = new Set<string>();
  manifest.forEach((group: unknown, g) => {
    const { paths, weights } = (group ?? {}) as Partial<TfjsWeightsGroup>;
    if (!Array.isArray(paths) || paths.length === 0 || paths.some((p) => typeof p !== 'string'))
      throw new ArgumentError(fn, `expected manifest[${g}].paths to be a non-empty array of strings, got ${paths}`);
    if (!Array.isArray(weights))
      throw new ArgumentError(fn, `expected manifest[${g}].weights to be an array, got ${typeof weights}`);
    weights.forEach((w: Partial<TfjsWeightSpec> | null, i) => {
      const where = `manifest[${g}].weights[${i}]`;
      if (typeof w?.name !== 'string' || w.name === '')
        throw new ArgumentError(fn, `expected ${where}.name to be a non-empty string, got ${w?.name}`);
      if (seen.has(w.name)) throw new ArgumentError(fn, `expected unique weight names, got '${w.name}' twice`);
      seen.add(w.name);
      if (!isShape(w.shape))
        throw new ArgumentError(fn, `expected ${where}.shape ('${w.name}') of non-negative integers, got ${w.shape}`);
      if (!dtypes.includes(w.dtype as string))
        throw new ArgumentError(fn, `expected ${where}.dtype ('${w.name}') in ${dtypes.join(' | ')}, got ${w.dtype}`);
      const q = w.quantization;
      if (q === undefined) return;
      if (!quantizedDtypes.includes(q.dtype))
        throw new ArgumentError(fn, `expected ${where}.quantization.dtype in uint8 | uint16 | float16, got ${q.dtype}`);
      if (q.dtype !== 'float16' && !(Number.isFinite(q.scale) && Number.isFinite(q.min)))
        throw new ArgumentError(
          fn,
          `expected ${where}.quantization with finite scale and min, got ${JSON.stringify(q)}`,
        );
    });
  });
}
