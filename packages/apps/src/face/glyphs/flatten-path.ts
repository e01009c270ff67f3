/** A 2-D affine map [a, b, c, d, e, f]: (x, y) -> (a x + c y + e, b x + d y + f), canvas's order. */
export type Affine = readonly [number, number, number, number, number, number];

/** One outline command as fontkit gives it: moveTo, lineTo, quadraticCurveTo, bezierCurveTo, closePath. */
export interface OutlineCommand {
  command: string;
  args: readonly number[];
}

/** Segments for a curve whose chord stays within `tolerance` of it: deviation <= max|B''| / (8 n^2). */
function segmentsFor(secondDifference: number, tolerance: number): number {
  return Math.max(1, Math.min(64, Math.ceil(Math.sqrt(secondDifference / (8 * tolerance)))));
}

/**
 * Maps an outline through `affine` (exact for Bezier curves: their control points map) and
 * flattens it into straight edges within `tolerance` pixels (default 0.02), every contour closed. Returns the edges
 * as [x0, y0, x1, y1] quadruples, in drawing order (their direction carries the winding).
 *
 * @example
 * flattenPath([{ command: 'moveTo', args: [0, 0] }, { command: 'lineTo', args: [4, 0] },
 *   { command: 'lineTo', args: [0, 4] }, { command: 'closePath', args: [] }], [1, 0, 0, 1, 0, 0]);
 * // Float64Array [0,0,4,0, 4,0,0,4, 0,4,0,0]
 *
 * In plain words: turn the curved outline into many short straight pieces on the pixel grid.
 */
export function flattenPath(commands: readonly OutlineCommand[], affine: Affine, tolerance = 0.02): Float64Array {
  const [a, b, c, d, e, f] = affine;
  const out: number[] = [];
  let startX = 0;
  let startY = 0;
  let x = 0;
  let y = 0;
  let open = false;
  const line = (toX: number, toY: number): void => {
    if (toX !== x || toY !== y) out.push(x, y, toX, toY);
    x = toX;
    y = toY;
  };
  const close = (): void => {
    if (open) line(startX, startY);
    open = false;
  };
  for (const { command, args } of commands) {
    const mapped: number[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      const [u, v] = [args[i] as number, args[i + 1] as number];
      mapped.push(a * u + c * v + e, b * u + d * v + f);
    }
    const q = mapped as unknown as [number, number, number, number, number, number];
    if (command === 'moveTo') {
      close();
      [startX, startY, x, y] = [q[0], q[1], q[0], q[1]];
      open = true;
    } else if (command === 'lineTo') line(q[0], q[1]);
    else if (command === 'quadraticCurveTo') {
      const [x0, y0] = [x, y];
      const n = segmentsFor(2 * Math.hypot(x0 - 2 * q[0] + q[2], y0 - 2 * q[1] + q[3]), tolerance);
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const s = 1 - t;
        line(s * s * x0 + 2 * s * t * q[0] + t * t * q[2], s * s * y0 + 2 * s * t * q[1] + t * t * q[3]);
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = [x, y];
      const bend = Math.max(
        Math.hypot(x0 - 2 * q[0] + q[2], y0 - 2 * q[1] + q[3]),
        Math.hypot(q[0] - 2 * q[2] + q[4], q[1] - 2 * q[3] + q[5]),
      );
      const n = segmentsFor(6 * bend, tolerance);
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const s = 1 - t;
        const [w0, w1, w2, w3] = [s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t];
        line(w0 * x0 + w1 * q[0] + w2 * q[2] + w3 * q[4], w0 * y0 + w1 * q[1] + w2 * q[3] + w3 * q[5]);
      }
    } else if (command === 'closePath') close();
  }
  close();
  return Float64Array.from(out);
}
