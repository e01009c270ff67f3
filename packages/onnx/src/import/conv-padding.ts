import { nodeError } from './import-error.js';
import { intsAttribute, stringAttribute } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/** Geometry read from a Conv or pooling node: kernel, strides, dilations per spatial axis. */
export interface SpatialGeometry {
  kernel: [number, number];
  strides: [number, number];
  dilations: [number, number];
}

/** Geometry of a 3-D node (Conv3D, 3-D pooling): triples. */
export interface SpatialGeometry3 {
  kernel: [number, number, number];
  strides: [number, number, number];
  dilations: [number, number, number];
}

/** kernel_shape, strides and dilations of a 2-D node (defaults 1), checked to be pairs. */
export function spatialGeometry(node: OnnxNodeIr, kernel: number[] | undefined): SpatialGeometry;
/** The same for a 3-D node (`dims` 3): triples. */
export function spatialGeometry(node: OnnxNodeIr, kernel: number[] | undefined, dims: 3): SpatialGeometry3;
export function spatialGeometry(
  node: OnnxNodeIr,
  kernel: number[] | undefined,
  dims = 2,
): SpatialGeometry | SpatialGeometry3 {
  const words = ['two', 'three'][dims - 2];
  const list = (name: string, value: number[] | undefined): [number, number] => {
    if (value === undefined || value.length !== dims || !value.every((v) => Number.isInteger(v) && v > 0))
      throw nodeError(node, `expected ${name} of ${words} positive integers (${dims}-D), got ${JSON.stringify(value)}`);
    return [...value] as [number, number];
  };
  const ones = new Array<number>(dims).fill(1);
  return {
    kernel: list('kernel_shape', intsAttribute(node, 'kernel_shape', kernel)),
    strides: list('strides', intsAttribute(node, 'strides', ones)),
    dilations: list('dilations', intsAttribute(node, 'dilations', ones)),
  };
}

/**
 * The baihua padding mode equal to the node's pads: 'valid' (none), 'same' (TensorFlow's: SAME_UPPER,
 * or explicit pads equal to it for the input size) or 'full' (k - 1 on each side, convolution only).
 * Explicit pads that match none of them are refused: baihua has no layer for arbitrary padding.
 */
export function paddingMode(
  node: OnnxNodeIr,
  geometry: SpatialGeometry | SpatialGeometry3,
  inputSize: readonly (number | null)[],
  modes: readonly ('valid' | 'same' | 'full')[],
): 'valid' | 'same' | 'full' {
  const autoPad = stringAttribute(node, 'auto_pad', 'NOTSET');
  if (autoPad === 'VALID') return 'valid';
  if (autoPad === 'SAME_UPPER') return 'same';
  if (autoPad !== 'NOTSET')
    throw nodeError(node, `unsupported auto_pad '${autoPad}' (supported: NOTSET, VALID, SAME_UPPER)`);
  const dims = geometry.kernel.length;
  const pads = intsAttribute(node, 'pads', new Array<number>(2 * dims).fill(0)) as number[];
  if (pads.length !== 2 * dims)
    throw nodeError(node, `expected ${2 * dims} pads (${dims}-D), got ${JSON.stringify(pads)}`);
  if (pads.every((p) => p === 0)) return 'valid';
  const effective = geometry.kernel.map((k, i) => (k - 1) * (geometry.dilations[i] as number) + 1);
  const same = effective.map((k, i) => {
    const size = inputSize[i];
    if (size === null || size === undefined) return undefined;
    const s = geometry.strides[i] as number;
    const total = Math.max((Math.ceil(size / s) - 1) * s + k - size, 0);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  });
  const matches = (perAxis: (number[] | undefined)[]): boolean =>
    perAxis.every((p, i) => p !== undefined && pads[i] === p[0] && pads[i + dims] === p[1]);
  if (modes.includes('same') && matches(same)) return 'same';
  if (modes.includes('full') && matches(effective.map((k) => [k - 1, k - 1]))) return 'full';
  const supported = modes.includes('full') ? "none, TensorFlow's 'same', 'full'" : "none, TensorFlow's 'same'";
  throw nodeError(
    node,
    `unsupported pads ${JSON.stringify(pads)} for kernel ${JSON.stringify(geometry.kernel)} on input ` +
      `${JSON.stringify(inputSize)} (supported: ${supported})`,
  );
}
