import type { SceneShape } from './scene-grammar.js';

/** One shape to draw: centre (x right, y down, in pixels), radius in pixels, colour in [0, 1]. */
export interface ShapeStroke {
  shape: SceneShape;
  x: number;
  y: number;
  radius: number;
  rgb: readonly [number, number, number];
}

const grid = 4; // 4 x 4 samples per pixel
const sqrt3 = Math.sqrt(3);

/** Whether the point (px, py) lies inside the shape (the square's half side is 0.85 r; the triangle points up). */
function inside(stroke: ShapeStroke, px: number, py: number): boolean {
  const dx = px - stroke.x;
  const dy = py - stroke.y;
  const r = stroke.radius;
  if (stroke.shape === 'circle') return dx * dx + dy * dy <= r * r;
  if (stroke.shape === 'square') return Math.abs(dx) <= 0.85 * r && Math.abs(dy) <= 0.85 * r;
  // Equilateral triangle with circumradius r, apex at (0, -r), base at y = r / 2.
  return dy <= r / 2 && sqrt3 * dx - dy <= r && -sqrt3 * dx - dy <= r;
}

/**
 * Draws one anti-aliased shape into a row-major RGB float image (`pixels` of length size * size * 3,
 * values in [0, 1]) in place: each pixel's coverage c is the fraction of its 4 x 4 sub-samples
 * inside the shape, and the pixel becomes (1 - c) * old + c * colour.
 *
 * In plain words: paint a shape with soft edges, like a pen that half-covers the border pixels.
 *
 * @example
 * const pixels = new Float32Array(16 * 16 * 3);
 * drawShape(pixels, 16, { shape: 'circle', x: 8, y: 8, radius: 5, rgb: [1, 0, 0] });
 */
export function drawShape(pixels: Float32Array, size: number, stroke: ShapeStroke): void {
  const r = stroke.radius;
  const x0 = Math.max(0, Math.floor(stroke.x - r - 1));
  const x1 = Math.min(size - 1, Math.ceil(stroke.x + r + 1));
  const y0 = Math.max(0, Math.floor(stroke.y - r - 1));
  const y1 = Math.min(size - 1, Math.ceil(stroke.y + r + 1));
  for (let row = y0; row <= y1; row++) {
    for (let col = x0; col <= x1; col++) {
      let hits = 0;
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          if (inside(stroke, col + (sx + 0.5) / grid, row + (sy + 0.5) / grid)) hits++;
        }
      }
      if (hits === 0) continue;
      const coverage = hits / (grid * grid);
      const at = (row * size + col) * 3;
      for (let channel = 0; channel < 3; channel++) {
        const old = pixels[at + channel] as number;
        pixels[at + channel] = (1 - coverage) * old + coverage * (stroke.rgb[channel] as number);
      }
    }
  }
}
