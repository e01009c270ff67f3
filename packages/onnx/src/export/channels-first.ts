import type { OnnxGraphBuilder } from './onnx-graph-builder.js';

/**
 * The layout seam of the export. baihua (as tfjs) is channels last (NHWC, NDHWC); ONNX Conv and
 * Pool are channels first. Each conv or pool layer is written as Transpose(to NCHW) -> op ->
 * Transpose(back), so every layer's input and output stay in the user's layout, and
 * `cancelTransposes` then removes each back-to-back pair between two such layers: a chain of conv
 * and pool layers keeps one Transpose in and one out.
 */
export function toChannelsFirst(builder: OnnxGraphBuilder, x: string, rank: number, base: string): string {
  const perm = [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
  return builder.op('Transpose', [x], `${base}/to_nchw`, { perm });
}

/** The inverse of {@link toChannelsFirst}. */
export function toChannelsLast(builder: OnnxGraphBuilder, x: string, rank: number, base: string): string {
  const perm = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
  return builder.op('Transpose', [x], `${base}/to_nhwc`, { perm });
}

/** One spatial output size of a conv or pool (null when the input size is dynamic). */
export function spatialSize(
  size: number | null,
  kernel: number,
  stride: number,
  dilation: number,
  padding: string,
): number | null {
  if (size === null) return null;
  const effective = (kernel - 1) * dilation + 1;
  if (padding === 'same') return Math.ceil(size / stride);
  if (padding === 'full') return Math.floor((size + effective - 2) / stride) + 1;
  return Math.floor((size - effective) / stride) + 1;
}

/**
 * The ONNX padding attributes of a padding mode: 'valid' none; 'same' TensorFlow's (the odd pad at
 * the end): explicit pads where the spatial sizes are known (onnxruntime refuses SAME_UPPER with
 * dilations), else auto_pad SAME_UPPER; 'full' (k - 1) d on every side.
 */
export function paddingAttributes(
  padding: string,
  kernel: readonly number[],
  dilations: readonly number[],
  strides: readonly number[],
  sizes: readonly (number | null)[],
): { auto_pad: string } | { pads: number[] } {
  const effective = kernel.map((k, i) => (k - 1) * (dilations[i] as number) + 1);
  if (padding === 'same') {
    if (sizes.some((n) => n === null)) return { auto_pad: 'SAME_UPPER' };
    const totals = sizes.map((n, i) => {
      const s = strides[i] as number;
      return Math.max((Math.ceil((n as number) / s) - 1) * s + (effective[i] as number) - (n as number), 0);
    });
    const begins = totals.map((t) => Math.floor(t / 2));
    return { pads: [...begins, ...totals.map((t, i) => t - (begins[i] as number))] };
  }
  if (padding === 'full') {
    const each = effective.map((e) => e - 1);
    return { pads: [...each, ...each] };
  }
  return { pads: kernel.map(() => 0).concat(kernel.map(() => 0)) };
}
