// A 3x5 pixel font (digits, capitals and a few signs) for the captions of the attack picture.
const glyphs: Record<string, string> = {
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '111001111100111',
  '3': '111001111001111',
  '4': '101101111001001',
  '5': '111100111001111',
  '6': '111100111101111',
  '7': '111001010010010',
  '8': '111101111101111',
  '9': '111101111001111',
  A: '010101111101101',
  B: '110101110101110',
  C: '011100100100011',
  D: '110101101101110',
  E: '111100110100111',
  F: '111100110100100',
  G: '011100101101011',
  H: '101101111101101',
  I: '111010010010111',
  J: '001001001101010',
  K: '101101110101101',
  L: '100100100100111',
  M: '101111111101101',
  N: '110101101101101',
  O: '010101101101010',
  P: '110101110100100',
  Q: '010101101110011',
  R: '110101110101101',
  S: '011100010001110',
  T: '111010010010010',
  U: '101101101101111',
  V: '101101101101010',
  W: '101101111111101',
  X: '101101010101101',
  Y: '101101010010010',
  Z: '111001010100111',
  ' ': '000000000000000',
  '-': '000000111000000',
  '=': '000111000111000',
  '.': '000000000000010',
  '>': '100010001010100',
  '+': '000010111010000',
};

/** RGB colour of a caption. */
export type Rgb = readonly [number, number, number];

/**
 * Draws `text` (capitals, digits, ' -=.>+') into an RGB pixel buffer of width `width` at (x, y),
 * each font pixel a `scale` x `scale` block, one font pixel between letters. Unknown characters are
 * drawn as blanks. Returns the width drawn.
 */
export function drawText(
  pixels: Uint8Array,
  width: number,
  text: string,
  x: number,
  y: number,
  scale: number,
  colour: Rgb,
): number {
  let left = x;
  for (const char of text.toUpperCase()) {
    const glyph = glyphs[char] ?? (glyphs[' '] as string);
    for (let row = 0; row < 5; row++)
      for (let col = 0; col < 3; col++)
        if (glyph[row * 3 + col] === '1')
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++) {
              const at = ((y + row * scale + dy) * width + left + col * scale + dx) * 3;
              if (at >= 0 && at + 2 < pixels.length) pixels.set(colour, at);
            }
    left += 4 * scale;
  }
  return left - x;
}

/** The width `drawText` takes for `text` at `scale`. */
export function textWidth(text: string, scale: number): number {
  return text.length * 4 * scale - scale;
}
