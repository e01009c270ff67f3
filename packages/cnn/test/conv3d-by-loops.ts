// Test helper: 3-D convolution written as plain loops over every (output voxel, kernel tap) pair,
// an independent reference for the Conv3D and Conv3DTranspose layers (no tfjs involved).

type Five = [number, number, number, number, number];
type Three = [number, number, number];

/** The geometry of one convolution: x [N,D,H,W,C] with w [kd,kh,kw,C,O] gives y [N,outD,outH,outW,O]. */
export interface LoopGeometry {
  xShape: Five;
  wShape: Five;
  outSize: Three;
  strides?: Three;
  dilations?: Three;
  /** Zeros before each axis ('same': floor(total / 2); 'full': (k - 1) d). Default 0. */
  padBefore?: Three;
}

/**
 * Calls `visit(yIndex, xIndex, wIndex)` for every output voxel and every kernel tap that lands
 * inside the input: y[b,t,i,j,o] += x[b, t s + l d - p, ..., c] w[l, m, n, c, o].
 */
function forEachTap(g: LoopGeometry, visit: (y: number, x: number, w: number) => void): void {
  const [batch, depth, height, width, inC] = g.xShape;
  const [kd, kh, kw, , outC] = g.wShape;
  const s: Three = g.strides ?? [1, 1, 1];
  const d: Three = g.dilations ?? [1, 1, 1];
  const p: Three = g.padBefore ?? [0, 0, 0];
  const [od, oh, ow] = g.outSize;
  for (let b = 0; b < batch; b++)
    for (let t = 0; t < od; t++)
      for (let i = 0; i < oh; i++)
        for (let j = 0; j < ow; j++)
          for (let l = 0; l < kd; l++)
            for (let m = 0; m < kh; m++)
              for (let n = 0; n < kw; n++) {
                const [z, r, q] = [t * s[0] + l * d[0] - p[0], i * s[1] + m * d[1] - p[1], j * s[2] + n * d[2] - p[2]];
                if (z < 0 || z >= depth || r < 0 || r >= height || q < 0 || q >= width) continue;
                for (let c = 0; c < inC; c++)
                  for (let o = 0; o < outC; o++) {
                    const y = (((b * od + t) * oh + i) * ow + j) * outC + o;
                    const x = (((b * depth + z) * height + r) * width + q) * inC + c;
                    const w = (((l * kh + m) * kw + n) * inC + c) * outC + o;
                    visit(y, x, w);
                  }
              }
}

const outputCount = (g: LoopGeometry): number => g.xShape[0] * g.outSize[0] * g.outSize[1] * g.outSize[2] * g.wShape[4];

/** The convolution's output, flat, row-major [N, outD, outH, outW, O]. */
export function conv3dByLoops(x: ArrayLike<number>, w: ArrayLike<number>, g: LoopGeometry): number[] {
  const y = new Array<number>(outputCount(g)).fill(0);
  forEachTap(g, (yi, xi, wi) => {
    y[yi] = (y[yi] as number) + (x[xi] as number) * (w[wi] as number);
  });
  return y;
}

/** d sum(dy * y) / dw: the kernel gradient, flat [kd, kh, kw, C, O]. */
export function kernelGradientByLoops(x: ArrayLike<number>, dy: ArrayLike<number>, g: LoopGeometry): number[] {
  const grad = new Array<number>(g.wShape.reduce((a, b) => a * b, 1)).fill(0);
  forEachTap(g, (yi, xi, wi) => {
    grad[wi] = (grad[wi] as number) + (x[xi] as number) * (dy[yi] as number);
  });
  return grad;
}

/** d sum(dy * y) / dx: the input gradient, flat [N, D, H, W, C] (what a transposed convolution computes). */
export function inputGradientByLoops(w: ArrayLike<number>, dy: ArrayLike<number>, g: LoopGeometry): number[] {
  const grad = new Array<number>(g.xShape.reduce((a, b) => a * b, 1)).fill(0);
  forEachTap(g, (yi, xi, wi) => {
    grad[xi] = (grad[xi] as number) + (w[wi] as number) * (dy[yi] as number);
  });
  return grad;
}
