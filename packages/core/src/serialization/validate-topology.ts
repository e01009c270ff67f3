import { ArgumentError } from '../errors/argument-error.js';
import { modelFormatName, modelFormatVersion, type ModelTopology, type WeightManifestEntry } from './model-format.js';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const maxDepth = 64;
const maxRank = 8;
/** Most inputs a saved model may have. */
const maxInputs = 1024;
/** Largest input a loaded model is built with (elements of one example). */
const maxInputElements = 1 << 26;

/**
 * Parses topology JSON text, rejecting prototype-polluting keys (`__proto__`, `constructor`,
 * `prototype`) wherever they appear.
 */
export function parseTopologyJson(fn: string, text: string): unknown {
  if (typeof text !== 'string') throw new ArgumentError(fn, `expected the topology as JSON text, got ${typeof text}`);
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (forbiddenKeys.has(key)) throw new ArgumentError(fn, `malformed topology: forbidden key '${key}'`);
      return value;
    });
  } catch (error) {
    if (ArgumentError.isInstance(error)) throw error;
    throw new ArgumentError(fn, `malformed topology: not valid JSON (${(error as Error).message})`);
  }
}

/** Throws unless `value` (anything, e.g. an object given directly) is free of forbidden keys and not too deep. */
function scanKeys(fn: string, value: unknown, where: string, depth: number): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > maxDepth)
    throw new ArgumentError(fn, `malformed topology: nested deeper than ${maxDepth} levels at ${where}`);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null)
    throw new ArgumentError(fn, `malformed topology: ${where} is not plain JSON data`);
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) throw new ArgumentError(fn, `malformed topology: forbidden key '${key}' at ${where}`);
    scanKeys(fn, (value as Record<string, unknown>)[key], `${where}.${key}`, depth + 1);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDimension(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2 ** 31;
}

/** Checks one input shape: [null, ...positive sizes] (null also allowed after the batch when `free`). */
function checkInputShape(fn: string, name: string, inputShape: unknown, free: boolean): void {
  if (
    !Array.isArray(inputShape) ||
    inputShape.length < 1 ||
    inputShape.length > maxRank ||
    inputShape[0] !== null ||
    !inputShape.slice(1).every((s) => (free && s === null) || (isDimension(s) && s > 0))
  ) {
    throw new ArgumentError(
      fn,
      `malformed topology: expected ${name} [null, ...positive sizes${free ? ' or null' : ''}] ` +
        `of rank 1..${maxRank}, got ${JSON.stringify(inputShape)}`,
    );
  }
  const elements = (inputShape.slice(1) as (number | null)[]).reduce((n: number, s) => n * (s ?? 1), 1);
  if (elements > maxInputElements)
    throw new ArgumentError(
      fn,
      `malformed topology: ${name} ${JSON.stringify(inputShape)} has ${elements} elements per example ` +
        `(limit ${maxInputElements})`,
    );
}

/**
 * Checks a topology fully before anything is built: format and version, input shape, root layer
 * config, and a weight manifest whose entries are well formed, contiguous, sized 4 bytes per element,
 * and add up exactly to `weightsByteLength`. Returns it typed.
 */
export function validateTopology(fn: string, topology: unknown, weightsByteLength: number): ModelTopology {
  scanKeys(fn, topology, 'topology', 0);
  if (!isRecord(topology))
    throw new ArgumentError(
      fn,
      `malformed topology: expected an object, ` +
        `got ${Array.isArray(topology) ? 'an array' : topology === null ? 'null' : typeof topology}`,
    );
  if (topology.format !== modelFormatName)
    throw new ArgumentError(
      fn,
      `malformed topology: expected format '${modelFormatName}', got ${JSON.stringify(topology.format)}`,
    );
  const version = topology.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ArgumentError(
      fn,
      `malformed topology: expected formatVersion to be a positive integer, got ${JSON.stringify(version)}`,
    );
  if (version > modelFormatVersion)
    throw new ArgumentError(
      fn,
      `unsupported formatVersion ${version}: this @baihua/core reads version ${modelFormatVersion}; ` +
        `upgrade @baihua/core`,
    );
  if (version === 1) checkInputShape(fn, 'inputShape', topology.inputShape, false);
  else {
    const shapes = topology.inputShapes;
    if (!Array.isArray(shapes) || shapes.length < 1 || shapes.length > maxInputs || 'inputShape' in topology)
      throw new ArgumentError(
        fn,
        `malformed topology: expected version ${version} to have inputShapes, 1..${maxInputs} shapes (and no ` +
          `inputShape), got ${JSON.stringify(shapes)?.slice(0, 80)}`,
      );
    shapes.forEach((shape, i) => checkInputShape(fn, `inputShapes[${i}]`, shape, true));
  }
  if (!isRecord(topology.model) || typeof topology.model.type !== 'string')
    throw new ArgumentError(fn, 'malformed topology: expected model to be a layer config with a string type');
  if (!Array.isArray(topology.weights))
    throw new ArgumentError(fn, `malformed topology: expected weights to be an array, got ${typeof topology.weights}`);
  let offset = 0;
  const seen = new Set<string>();
  topology.weights.forEach((entry: unknown, i) => {
    const at = `weights[${i}]`;
    if (!isRecord(entry)) throw new ArgumentError(fn, `malformed topology: ${at} is not an object`);
    const { path, shape, dtype, byteOffset, byteLength } = entry;
    if (typeof path !== 'string' || path.length === 0)
      throw new ArgumentError(fn, `malformed topology: ${at}.path must be a non-empty string`);
    if (seen.has(path)) throw new ArgumentError(fn, `malformed topology: weight path '${path}' appears twice`);
    seen.add(path);
    if (!Array.isArray(shape) || shape.length > maxRank || !shape.every(isDimension))
      throw new ArgumentError(
        fn,
        `malformed topology: ${at}.shape must be at most ${maxRank} non-negative integers, ` +
          `got ${JSON.stringify(shape)}`,
      );
    if (dtype !== 'float32')
      throw new ArgumentError(fn, `malformed topology: ${at}.dtype must be 'float32', got ${JSON.stringify(dtype)}`);
    const expectedLength = (shape as number[]).reduce((n, s) => n * s, 1) * 4;
    if (byteOffset !== offset || byteLength !== expectedLength) {
      throw new ArgumentError(
        fn,
        `sizes do not add up: ${at} ('${path}', shape ${JSON.stringify(shape)}) ` +
          `should be ${expectedLength} bytes at offset ${offset}, ` +
          `got ${JSON.stringify(byteLength)} bytes at offset ${JSON.stringify(byteOffset)}`,
      );
    }
    offset += expectedLength;
  });
  if (offset !== weightsByteLength) {
    throw new ArgumentError(
      fn,
      `sizes do not add up: the manifest describes ${offset} bytes of weights, ` +
        `the weights buffer has ${weightsByteLength}${weightsByteLength < offset ? ' (truncated?)' : ''}`,
    );
  }
  return topology as unknown as ModelTopology & { weights: WeightManifestEntry[] };
}
