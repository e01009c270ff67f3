import { assertPositiveInteger, resolveInitializer, type InitializerSpec } from '@baihua/core';
import { checkPadding, convPaddings, normalizePair, type ConvPadding, type SizePair } from '../ops/conv-checks.js';

/** The option keys of a convolution layer's geometry (Conv2D, SeparableConv2D, ConvBlock). */
export const convGeometryKeys = ['filters', 'kernelSize', 'strides', 'padding', 'dilations'] as const;

/** A convolution layer's geometry as given: filters and kernel size required, the rest defaulted. */
export interface ConvGeometryOptions {
  filters: number;
  kernelSize: SizePair;
  strides?: SizePair;
  padding?: ConvPadding;
  dilations?: SizePair;
}

/** The geometry checked and normalised: pairs as [height, width], defaults filled in. */
export interface ConvGeometry {
  filters: number;
  kernelSize: [number, number];
  strides: [number, number];
  padding: ConvPadding;
  dilations: [number, number];
}

/**
 * Checks a convolution layer's geometry once, as data, and returns it normalised: `filters` a
 * positive integer, `kernelSize`, `strides` (default 1) and `dilations` (default 1) positive
 * integers or [height, width] pairs, `padding` 'valid' (default), 'same' or 'full'. Errors name
 * `functionName` and the option (`ConvBlock: expected kernelSize to be a positive integer ...`).
 *
 * @example
 * checkConvGeometry('Conv2D', { filters: 6, kernelSize: 5 });
 * // { filters: 6, kernelSize: [5, 5], strides: [1, 1], padding: 'valid', dilations: [1, 1] }
 *
 * In plain words: read the stamp's size and step from the options, once, and refuse nonsense.
 */
export function checkConvGeometry(functionName: string, options: ConvGeometryOptions): ConvGeometry {
  assertPositiveInteger(functionName, 'filters', options.filters);
  return {
    filters: options.filters,
    kernelSize: normalizePair(functionName, 'kernelSize', options.kernelSize),
    strides: normalizePair(functionName, 'strides', options.strides ?? 1),
    padding: checkPadding(functionName, options.padding ?? 'valid', convPaddings),
    dilations: normalizePair(functionName, 'dilations', options.dilations ?? 1),
  };
}

/** Checks initialiser specs (registered name, known parameter keys) when a layer is made, not at build. */
export function checkInitializers(...specs: InitializerSpec[]): void {
  for (const spec of specs) resolveInitializer(spec);
}
