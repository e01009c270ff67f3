import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { isLittleEndian } from './serialize-model.js';
import {
  assertTfjsWeightsManifest,
  storedByteLength,
  type TfjsWeightSpec,
  type TfjsWeightsManifest,
} from './tfjs-weights-manifest.js';

/** Reads one shard by its manifest path (relative to the manifest): bytes, or a promise of them. */
export type ReadTfjsShard = (path: string) => ArrayBuffer | Uint8Array | Promise<ArrayBuffer | Uint8Array>;

const fn = 'readTfjsWeights';

/** IEEE half float bits -> number. */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** One weight's values from its bytes (copied out of `bytes`), dequantised to its dtype. */
function decode(spec: TfjsWeightSpec, bytes: Uint8Array): tf.Tensor {
  const buffer = bytes.slice().buffer;
  const q = spec.quantization;
  let values: Float32Array | Int32Array | Uint8Array;
  if (q === undefined) {
    values =
      spec.dtype === 'float32'
        ? new Float32Array(buffer)
        : spec.dtype === 'int32'
          ? new Int32Array(buffer)
          : bytes.slice();
  } else {
    const stored = q.dtype === 'uint8' ? new Uint8Array(buffer) : new Uint16Array(buffer);
    const real = Float32Array.from(stored, (v) =>
      q.dtype === 'float16' ? halfToFloat(v) : v * (q.scale as number) + (q.min as number),
    );
    values = spec.dtype === 'float32' ? real : Int32Array.from(real, (v) => Math.round(v));
  }
  return tf.tensor(values, spec.shape, spec.dtype);
}

/**
 * Reads tfjs-format weights (what tfjs-converter and face-api write): a weights manifest (see
 * {@link TfjsWeightsManifest}) and its `.bin` shards, fetched by `readShard(path)`. Each group's
 * shards are concatenated in order and must hold exactly the bytes the manifest's shapes and dtypes
 * say; quantised weights (uint8 / uint16: `stored * scale + min`; float16) come back dequantised to
 * their dtype (float32, or int32 rounded). Every shard is read and every size checked before any
 * tensor is made: a manifest that lies about shapes, a missing or short shard, a repeated name is
 * an ArgumentError / ShapeError naming `readTfjsWeights`, and nothing is left allocated.
 *
 * Returns `{ [name]: tensor }` in manifest order; the caller disposes the tensors.
 *
 * @example
 * const manifest = JSON.parse(readFileSync(`${dir}/face_recognition_model-weights_manifest.json`, 'utf8'));
 * const named = await readTfjsWeights(manifest, (path) => readFileSync(`${dir}/${path}`));
 * named['fc'].shape; // [256, 128]
 *
 * In plain words: open the `.bin` files the table of contents lists and cut them into named tensors.
 */
export async function readTfjsWeights(manifest: unknown, readShard: ReadTfjsShard): Promise<Record<string, tf.Tensor>> {
  assertTfjsWeightsManifest(fn, manifest);
  if (typeof readShard !== 'function')
    throw new ArgumentError(fn, `expected readShard to be a function (path) => bytes, got ${typeof readShard}`);
  if (!isLittleEndian())
    throw new ArgumentError(fn, 'this platform is big-endian; the weights format is little-endian');
  const groups = await Promise.all(
    (manifest as TfjsWeightsManifest).map((group, g) => readGroup(group.paths, g, readShard)),
  );
  const slices: [TfjsWeightSpec, Uint8Array][] = [];
  (manifest as TfjsWeightsManifest).forEach((group, g) => {
    const bytes = groups[g] as Uint8Array;
    const expected = group.weights.reduce((n, w) => n + storedByteLength(w), 0);
    if (bytes.byteLength !== expected)
      throw new ShapeError(
        fn,
        `expected group ${g} (${group.paths.join(', ')}) to hold ${expected} bytes (the manifest's shapes and ` +
          `dtypes), got ${bytes.byteLength}`,
      );
    let offset = 0;
    for (const spec of group.weights) {
      const length = storedByteLength(spec);
      slices.push([spec, bytes.subarray(offset, offset + length)]);
      offset += length;
    }
  });
  return Object.fromEntries(slices.map(([spec, bytes]) => [spec.name, decode(spec, bytes)]));
}

/** A group's shards read and concatenated; a shard that cannot be read is an ArgumentError naming it. */
async function readGroup(paths: string[], g: number, readShard: ReadTfjsShard): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const path of paths) {
    let part: unknown;
    try {
      part = await readShard(path);
    } catch (error) {
      throw new ArgumentError(
        fn,
        `expected shard '${path}' of group ${g} to be readable, got ${(error as Error).message}`,
      );
    }
    if (part instanceof ArrayBuffer) parts.push(new Uint8Array(part));
    else if (part instanceof Uint8Array) parts.push(part);
    else
      throw new ArgumentError(fn, `expected shard '${path}' of group ${g} as ArrayBuffer or Uint8Array, got ${part}`);
  }
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}
