/**
 * 3 x 5 pixel glyphs for the attention map's labels: the digits, 'E' (for `<eos>`) and '?'.
 * Each glyph is five rows of three bits, top row first, leftmost pixel the highest bit.
 */
const glyphs: Readonly<Record<string, readonly number[]>> = {
  '0': [7, 5, 5, 5, 7],
  '1': [2, 6, 2, 2, 7],
  '2': [7, 1, 7, 4, 7],
  '3': [7, 1, 7, 1, 7],
  '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7],
  '6': [7, 4, 7, 5, 7],
  '7': [7, 1, 2, 2, 2],
  '8': [7, 5, 7, 5, 7],
  '9': [7, 5, 7, 1, 7],
  E: [7, 4, 6, 4, 7],
  '?': [7, 1, 3, 0, 2],
};

/** Width in pixels of `text` drawn at `scale` (4 columns per character, the last gap dropped). */
export function labelWidth(text: string, scale: number): number {
  return Math.max(0, text.length * 4 - 1) * scale;
}

/**
 * Draws `text` (characters of 0-9, E, ?; anything else as ?) into an RGBA buffer of `width`
 * pixels per row, top-left at (x, y), each font pixel a `scale` x `scale` square of `colour`.
 * In plain words: a tiny stencil for numbers, enough to label rows and columns.
 */
export function drawLabel(
  pixels: Uint8Array,
  width: number,
  text: string,
  x: number,
  y: number,
  scale: number,
  colour: readonly [number, number, number],
): void {
  const height = pixels.length / 4 / width;
  [...text].forEach((char, k) => {
    const rows = glyphs[char] ?? (glyphs['?'] as readonly number[]);
    rows.forEach((bits, row) => {
      for (let column = 0; column < 3; column++) {
        if (((bits >> (2 - column)) & 1) === 0) continue;
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) {
            const px = x + (k * 4 + column) * scale + dx;
            const py = y + row * scale + dy;
            if (px < 0 || py < 0 || px >= width || py >= height) continue;
            pixels.set([...colour, 255], (py * width + px) * 4);
          }
      }
    });
  });
}
