import { ArgumentError, encodePng } from '@baihua/core';
import { drawLabel, labelWidth } from './label-font.js';

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
 * columns = sourceTokens (left to right). Labels use a built-in 3 x 5 pixel font of digits:
 * ASCII digit tokens are drawn as themselves, `<eos>` as E, other tokens (CJK characters, which
 * no bundled font here draws) by their index, explained by {@link attentionMapLegend}.
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
  const left = pad * 2 + Math.max(...rowLabels.map((l) => labelWidth(l, scale)));
  const top = pad * 2 + 5 * scale;
  const width = left + columns * cell + pad;
  const height = top + rows * cell + pad;
  const pixels = new Uint8Array(width * height * 4).fill(255);
  weights.forEach((row, i) =>
    row.forEach((w: number, j: number) => {
      const colour = [255 - 247 * w, 255 - 207 * w, 255 - 148 * w, 255].map(Math.round);
      for (let y = 0; y < cell - 1; y++)
        for (let x = 0; x < cell - 1; x++) pixels.set(colour, ((top + i * cell + y) * width + left + j * cell + x) * 4);
    }),
  );
  const ink = [20, 20, 20] as const;
  rowLabels.forEach((label, i) =>
    drawLabel(
      pixels,
      width,
      label,
      left - pad - labelWidth(label, scale),
      top + i * cell + (cell - 5 * scale) / 2,
      scale,
      ink,
    ),
  );
  columnLabels.forEach((label, j) =>
    drawLabel(
      pixels,
      width,
      label,
      left + j * cell + Math.floor((cell - labelWidth(label, scale)) / 2),
      pad,
      scale,
      ink,
    ),
  );
  return encodePng(pixels, width, height);
}
