import type { SymbolicTensor } from '@baihua/core';
import type { HostTensor } from './onnx-ir.js';

/** A tensor known while importing: an initialiser, a Constant, or anything computed from them alone. */
export interface ConstValue {
  kind: 'const';
  tensor: HostTensor;
}

/** A 1-D integer vector with entries unknown until run time (null): `Shape(x)` of a dynamic-batch x. */
export interface DimsValue {
  kind: 'dims';
  dims: (number | null)[];
  /** A scalar (Gather of one entry) rather than a 1-D vector. */
  scalar?: boolean;
}

/** `ConstantOfShape(dims)` of partly unknown dims: all entries `value` (PyTorch's zero RNN states). */
export interface FillValue {
  kind: 'fill';
  value: number;
  dims: (number | null)[];
}

/**
 * A run-time tensor: a symbolic tensor of the baihua graph being built. Its `physical` layout is
 * baihua's (batch first, images NHWC); `shape` is the ONNX (logical) shape, and `axes[i]` says which
 * physical axis holds logical axis i (-1: a size-1 axis that exists only logically). Transposes that
 * only relabel axes (NCHW <-> NHWC, PyTorch's time-major swaps around LSTM) change `axes`, not data.
 */
export interface DynamicValue {
  kind: 'dynamic';
  symbolic: SymbolicTensor;
  shape: (number | null)[];
  axes: number[];
}

/**
 * The Y output of an ONNX LSTM/GRU/RNN node: physically [batch, time, directions * hidden]. `stage`
 * 'raw' is Y as the node writes it ([T, D, B, H], layout 0, or [B, T, D, H], layout 1); 'swapped'
 * is after PyTorch's Transpose(0, 2, 1, 3) of a layout-0 Y: [T, B, D, H].
 */
export interface SequenceValue {
  kind: 'sequence';
  symbolic: SymbolicTensor;
  directions: number;
  hidden: number;
  layout: number;
  stage: 'raw' | 'swapped';
}

/** The Y_h output: one [batch, hidden] symbolic tensor per direction; logically [D, B, H] (layout 0). */
export interface FinalStateValue {
  kind: 'final';
  parts: SymbolicTensor[];
  hidden: number;
  layout: number;
}

/**
 * The sequence_lens of a recurrent node that the mask of its input carries (an Embedding with
 * maskZero made it; see mask-lengths.ts): the recurrent layer takes that mask, not a tensor.
 */
export interface MaskLengthsValue {
  kind: 'lengths';
}

/** Everything a graph value can be while importing. */
export type ImportValue =
  | ConstValue
  | DimsValue
  | FillValue
  | DynamicValue
  | SequenceValue
  | FinalStateValue
  | MaskLengthsValue;

/** Physical axes of a value whose logical and physical layouts agree. */
export function identityAxes(rank: number): number[] {
  return Array.from({ length: rank }, (_, i) => i);
}

/** True when every logical axis sits at the same physical position (no relabelling, no virtual axes). */
export function isIdentityLayout(value: DynamicValue): boolean {
  return value.axes.every((a, i) => a === i);
}
