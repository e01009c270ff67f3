import { extent } from './chart-ticks.js';

/** A colour as red, green, blue, alpha, each 0..255 (alpha 255 = opaque). */
export type Rgba = readonly [number, number, number, number];

/**
 * An RGBA pixel buffer (row-major, 4 bytes a pixel, y pointing down) that draws filled
 * rectangles, anti-aliased lines of any width and single pixels, alpha-blended ("over").
 * Pure JavaScript: the same pixels in Node and in browsers.
 *
 * Coverage model: a pixel is the unit square [i, i+1) x [j, j+1); a rectangle fills the pixels
 * whose centres it contains; a line of width w covers a pixel by clamp(w/2 + 1/2 - d, 0, 1),
 * d = distance from the pixel centre to the segment (round caps and joins).
 *
 * @example
 * const canvas = new RasterCanvas(100, 50);             // white
 * canvas.strokePolyline([[10, 40], [90, 10]], [31, 119, 180, 255], 2);
 * canvas.pixels;                                        // Uint8Array of 100 * 50 * 4 bytes
 *
 * In plain words: a sheet of graph paper whose squares we colour in one by one.
 */
export class RasterCanvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;

  constructor(width: number, height: number, background: Rgba = [255, 255, 255, 255]) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < this.pixels.length; i += 4) this.pixels.set(background, i);
  }

  /** The colour at pixel (x, y) (integers inside the canvas). */
  pixel(x: number, y: number): Rgba {
    const i = (y * this.width + x) * 4;
    return [
      this.pixels[i] as number,
      this.pixels[i + 1] as number,
      this.pixels[i + 2] as number,
      this.pixels[i + 3] as number,
    ];
  }

  /** Paints `color` over pixel (x, y) with the given coverage in [0, 1]; outside the canvas: nothing. */
  blendPixel(x: number, y: number, color: Rgba, coverage = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || !(coverage > 0)) return;
    const i = (y * this.width + x) * 4;
    const p = this.pixels;
    const source = (color[3] / 255) * Math.min(coverage, 1);
    const below = ((p[i + 3] as number) / 255) * (1 - source);
    const alpha = source + below;
    for (let c = 0; c < 3; c++)
      p[i + c] = Math.round(((color[c] as number) * source + (p[i + c] as number) * below) / alpha);
    p[i + 3] = Math.round(alpha * 255);
  }

  /** Fills the pixels whose centres lie in [x, x + width) x [y, y + height). */
  fillRect(x: number, y: number, width: number, height: number, color: Rgba): void {
    const [x0, x1] = [Math.max(0, Math.ceil(x - 0.5)), Math.min(this.width, Math.ceil(x + width - 0.5))];
    const [y0, y1] = [Math.max(0, Math.ceil(y - 0.5)), Math.min(this.height, Math.ceil(y + height - 0.5))];
    for (let j = y0; j < y1; j++) for (let i = x0; i < x1; i++) this.blendPixel(i, j, color);
  }

  /**
   * Strokes the connected segments through `points` with anti-aliased edges. Each pixel takes its
   * largest coverage over all segments, so joins are not painted twice. One point draws a dot.
   */
  strokePolyline(points: readonly (readonly [number, number])[], color: Rgba, lineWidth: number): void {
    if (points.length === 0 || !(lineWidth > 0)) return;
    const half = lineWidth / 2;
    const reach = half + 1;
    const [xMin, xMax] = extent(points.map(([x]) => x));
    const [yMin, yMax] = extent(points.map(([, y]) => y));
    const left = Math.max(0, Math.floor(xMin - reach));
    const top = Math.max(0, Math.floor(yMin - reach));
    const right = Math.min(this.width, Math.ceil(xMax + reach));
    const bottom = Math.min(this.height, Math.ceil(yMax + reach));
    if (right <= left || bottom <= top) return;
    const boxWidth = right - left;
    const coverage = new Uint8Array(boxWidth * (bottom - top));
    const segments = points.length === 1 ? [[points[0], points[0]]] : points.slice(1).map((end, k) => [points[k], end]);
    for (const [[ax, ay], [bx, by]] of segments as [[number, number], [number, number]][]) {
      const [dx, dy] = [bx - ax, by - ay];
      const lengthSquared = dx * dx + dy * dy;
      const [i0, i1] = [
        Math.max(left, Math.floor(Math.min(ax, bx) - reach)),
        Math.min(right, Math.ceil(Math.max(ax, bx) + reach)),
      ];
      const [j0, j1] = [
        Math.max(top, Math.floor(Math.min(ay, by) - reach)),
        Math.min(bottom, Math.ceil(Math.max(ay, by) + reach)),
      ];
      for (let j = j0; j < j1; j++) {
        for (let i = i0; i < i1; i++) {
          const [cx, cy] = [i + 0.5 - ax, j + 0.5 - ay];
          const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, (cx * dx + cy * dy) / lengthSquared));
          const distance = Math.hypot(cx - t * dx, cy - t * dy);
          const cover = Math.round(Math.min(1, Math.max(0, half + 0.5 - distance)) * 255);
          const k = (j - top) * boxWidth + (i - left);
          if (cover > (coverage[k] as number)) coverage[k] = cover;
        }
      }
    }
    for (let j = top; j < bottom; j++) {
      for (let i = left; i < right; i++)
        this.blendPixel(i, j, color, (coverage[(j - top) * boxWidth + (i - left)] as number) / 255);
    }
  }
}
