import {
  ArgumentError,
  type BitmapTextPlacement,
  bitmapTextWidth,
  drawBitmapText,
  encodePng,
  RasterCanvas,
} from '@baihua/core';

const cell = 24;
const scale = 2;
const pad = 6;

/** The label of a token on the picture: an ASCII digit as itself, `<eos>` as E, anything else its index. */
function labelOf(token: string, index: number): string {
  if (/^[0-9]$/.test(token)) return token;
  return token === '<eos>' ? 'E' : String(index);
}

/**
 * The legend of {@link attentionMapPng}'s labels: which token each index label stands for, on each
 * axis (tokens the picture shows as themselves are listed too), e.g.
 * `columns (source): 0=一 1=万 2=零 3=一 4=十; rows (output): 1 0 0 1 0 E=<eos>`.
 * In plain words: the key to the numbers written along the picture's edges.
 */
export function attentionMapLegend(sourceTokens: readonly string[], targetTokens: readonly string[]): string {
  const side = (tokens: readonly string[]) =>
    tokens.map((t, i) => (labelOf(t, i) === t ? t : `${labelOf(t, i)}=${t}`)).join(' ');
  return `columns (source): ${side(sourceTokens)}; rows (output): ${side(targetTokens)}`;
}

/**
 * An attention matrix as a PNG heatmap: one 24 px square per (output token i, source token j),
 * white at weight 0 to dark blue at weight 1 (linear), rows = targetTokens (top to bottom),
 * columns = sourceTokens (left to right). Labels use @baihua/core's ASCII bitmap font: ASCII digit
 * tokens are drawn as themselves, `<eos>` as E, other tokens (CJK characters, which that font
 * does not draw) by their index, explained by {@link attentionMapLegend}.
 * weights: [targetTokens.length][sourceTokens.length], each in [0, 1] (what {@link translate} returns).
 *
 * @example
 * const [r] = await translate(model, ['一万零一十']);
 * writeFileSync('attention.png', attentionMapPng(r.sourceTokens, r.tokens, r.attention));
 *
 * In plain words: a picture of where the model looked in the input while writing each output token.
 */
export function attentionMapPng(
  sourceTokens: readonly string[],
  targetTokens: readonly string[],
  weights: readonly (readonly number[])[],
): Uint8Array {
  const fn = 'attentionMapPng';
  for (const [name, tokens] of [
    ['sourceTokens', sourceTokens],
    ['targetTokens', targetTokens],
  ] as const)
    if (!Array.isArray(tokens) || tokens.length === 0 || tokens.some((t) => typeof t !== 'string'))
      throw new ArgumentError(fn, `expected ${name} to be a non-empty array of strings, got ${JSON.stringify(tokens)}`);
  const [rows, columns] = [targetTokens.length, sourceTokens.length];
  if (
    !Array.isArray(weights) ||
    weights.length !== rows ||
    weights.some((r) => !Array.isArray(r) || r.length !== columns)
  )
    throw new ArgumentError(fn, `expected weights of ${rows} rows of ${columns} numbers (targets x sources)`);
  const bad = weights.flat().find((w) => !(Number.isFinite(w) && w >= 0 && w <= 1 + 1e-6));
  if (bad !== undefined) throw new ArgumentError(fn, `expected weights in [0, 1], got ${bad}`);
  const rowLabels = targetTokens.map(labelOf);
  const columnLabels = sourceTokens.map(labelOf);
  const label: BitmapTextPlacement = {
    color: [20, 20, 20, 255],
    scale,
    anchor: 'middle',
    baseline: 'middle',
    rotation: 0,
  };
  const left = pad * 2 + Math.max(...rowLabels.map((l) => bitmapTextWidth(l, scale)));
  const top = pad * 2 + 7 * scale;
  const canvas = new RasterCanvas(left + columns * cell + pad, top + rows * cell + pad);
  weights.forEach((row, i) =>
    row.forEach((w: number, j: number) => {
      const colour = [255 - 247 * w, 255 - 207 * w, 255 - 148 * w, 255].map(Math.round) as [
        number,
        number,
        number,
        number,
      ];
      canvas.fillRect(left + j * cell, top + i * cell, cell - 1, cell - 1, colour);
    }),
  );
  rowLabels.forEach((text, i) =>
    drawBitmapText(canvas, text, left - pad, top + i * cell + cell / 2, { ...label, anchor: 'end' }),
  );
  columnLabels.forEach((text, j) => drawBitmapText(canvas, text, left + j * cell + cell / 2, pad + 3.5 * scale, label));
  return encodePng(canvas.pixels, canvas.width, canvas.height);
}
