import { assertPositiveInteger } from '@baihua/core';
import { checkPadding, convPaddings, type ConvPadding } from '../ops/conv-checks.js';
import { normalizeTriple, type SizeTriple } from '../ops/volume-options.js';

/** The option keys of a 3-D convolution layer's geometry (Conv3D). */
export const conv3dGeometryKeys = ['filters', 'kernelSize', 'strides', 'padding', 'dilations'] as const;

/** A 3-D convolution layer's geometry as given: filters and kernel size required, the rest defaulted. */
export interface Conv3DGeometryOptions {
  filters: number;
  kernelSize: SizeTriple;
  strides?: SizeTriple;
  padding?: ConvPadding;
  dilations?: SizeTriple;
}

/** The geometry checked and normalised: triples as [depth, height, width], defaults filled in. */
export interface Conv3DGeometry {
  filters: number;
  kernelSize: [number, number, number];
  strides: [number, number, number];
  padding: ConvPadding;
  dilations: [number, number, number];
}

/**
 * Checks a 3-D convolution layer's geometry once, as data, and returns it normalised: `filters` a
 * positive integer, `kernelSize`, `strides` (default 1) and `dilations` (default 1) positive integers
 * or [depth, height, width] triples, `padding` one of `paddings` (default 'valid'). Errors name
 * `functionName` and the option (`Conv3D: expected kernelSize to be a positive integer ...`).
 *
 * @example
 * checkConv3DGeometry('Conv3D', { filters: 8, kernelSize: 3 });
 * // { filters: 8, kernelSize: [3, 3, 3], strides: [1, 1, 1], padding: 'valid', dilations: [1, 1, 1] }
 *
 * In plain words: read the cube-stamp's size and step from the options, once, and refuse nonsense.
 */
export function checkConv3DGeometry<P extends ConvPadding = ConvPadding>(
  functionName: string,
  options: Conv3DGeometryOptions,
  paddings: readonly P[] = convPaddings as readonly P[],
): Conv3DGeometry & { padding: P } {
  assertPositiveInteger(functionName, 'filters', options.filters);
  return {
    filters: options.filters,
    kernelSize: normalizeTriple(functionName, 'kernelSize', options.kernelSize),
    strides: normalizeTriple(functionName, 'strides', options.strides ?? 1),
    padding: checkPadding(functionName, options.padding ?? 'valid', paddings),
    dilations: normalizeTriple(functionName, 'dilations', options.dilations ?? 1),
  };
}
