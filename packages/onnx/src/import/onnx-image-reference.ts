import type { HostTensor } from './onnx-ir.js';

/**
 * Test helper: ONNX's NCHW Conv and pooling by their definitions, in float64 loops over
 * explicit pads (top, left, bottom, right), strides and dilations: the reference the imported
 * NHWC layers are checked against. `pool`: 'max', 'avg' (padded positions not counted) or 'l2'
 * (sqrt of the sum of squares, LpPool p = 2; padded positions count as zeros).
 */
export interface WindowSpec {
  kernel: [number, number];
  strides?: [number, number];
  dilations?: [number, number];
  pads?: [number, number, number, number];
}

type Image = number[][][][];

export function toImage(t: HostTensor): Image {
  const [n, c, h, w] = t.shape as [number, number, number, number];
  const at = (a: number, b: number, y: number, x: number): number => Number(t.values[((a * c + b) * h + y) * w + x]);
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: c }, (_, b) =>
      Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => at(a, b, y, x))),
    ),
  );
}

function windows(
  input: Image,
  spec: WindowSpec,
  channels: number,
  cell: (n: number, o: number, taps: [number, number, number][]) => number,
): Image {
  const [kh, kw] = spec.kernel;
  const [sh, sw] = spec.strides ?? [1, 1];
  const [dh, dw] = spec.dilations ?? [1, 1];
  const [pt, pl, pb, pr] = spec.pads ?? [0, 0, 0, 0];
  const [h, w] = [input[0]?.[0]?.length ?? 0, input[0]?.[0]?.[0]?.length ?? 0];
  const outH = Math.floor((h + pt + pb - (dh * (kh - 1) + 1)) / sh) + 1;
  const outW = Math.floor((w + pl + pr - (dw * (kw - 1) + 1)) / sw) + 1;
  return input.map((_, n) =>
    Array.from({ length: channels }, (_, o) =>
      Array.from({ length: outH }, (_, y) =>
        Array.from({ length: outW }, (_, x) => {
          const taps: [number, number, number][] = [];
          for (let i = 0; i < kh; i++)
            for (let j = 0; j < kw; j++) taps.push([y * sh - pt + i * dh, x * sw - pl + j * dw, i * kw + j]);
          return cell(
            n,
            o,
            taps.filter(([a, b]) => a >= 0 && a < h && b >= 0 && b < w),
          );
        }),
      ),
    ),
  );
}

/** Conv: y[n, o] = sum over c, taps of x[n, c] w[o, c] + bias[o]. */
export function convReference(input: Image, weight: HostTensor, bias: HostTensor | undefined, spec: WindowSpec): Image {
  const [outC, inC, kh, kw] = weight.shape as [number, number, number, number];
  return windows(input, spec, outC, (n, o, taps) => {
    let sum = bias ? Number(bias.values[o]) : 0;
    for (let c = 0; c < inC; c++)
      for (const [a, b, k] of taps)
        sum += (input[n]?.[c]?.[a]?.[b] as number) * Number(weight.values[(o * inC + c) * kh * kw + k]);
    return sum;
  });
}

/** MaxPool / AveragePool / LpPool (p = 2) per channel. */
export function poolReference(input: Image, pool: 'max' | 'avg' | 'l2', spec: WindowSpec): Image {
  return windows(input, spec, input[0]?.length ?? 0, (n, c, taps) => {
    const values = taps.map(([a, b]) => input[n]?.[c]?.[a]?.[b] as number);
    if (pool === 'max') return Math.max(...values);
    if (pool === 'avg') return values.reduce((s, v) => s + v, 0) / values.length;
    return Math.sqrt(values.reduce((s, v) => s + v * v, 0));
  });
}
