import type { Layer } from './layer.js';

/**
 * A table of a model's layers: name (type), output shape, parameter count, and totals
 * (trainable / non-trainable). Children of containers (Sequential, Residual, Composite) are listed
 * indented under them; a container's row counts every parameter it holds, its children's
 * included (as Keras shows a nested model), so the column adds up per level, not overall.
 * Output shapes show `?` before the model has run.
 *
 * @example
 * console.log(summary(model));
 * // Layer (type)          Output shape    Params
 * // dense_1 (Dense)       [null,256]      200,960 ...
 *
 * In plain words: the model's parts list with a price tag (parameters) on each part.
 */
export function summary(model: Layer): string {
  const rows: [string, string, string][] = [];
  const visit = (layer: Layer, depth: number): void => {
    const params = layer.countParams();
    const shape = layer.outputShape
      ? `[${layer.outputShape.map((s) => (s === null ? 'null' : String(s))).join(',')}]`
      : '?';
    rows.push([`${'  '.repeat(depth)}${layer.name} (${layer.typeName})`, shape, params.toLocaleString('en-US')]);
    for (const child of layer.children()) visit(child, depth + 1);
  };
  visit(model, 0);
  const header: [string, string, string] = ['Layer (type)', 'Output shape', 'Params'];
  const widths = [0, 1, 2].map((c) => Math.max(...[header, ...rows].map((r) => (r[c] as string).length)));
  const line = (r: [string, string, string]) =>
    r.map((cell, c) => (c === 2 ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number))).join('   ');
  const rule = '-'.repeat(line(header).length);
  const total = model.countParams();
  const trainable = model.trainableWeights().reduce((n, w) => n + w.variable.size, 0);
  return [
    line(header),
    rule,
    ...rows.map(line),
    rule,
    `Total params: ${total.toLocaleString('en-US')}`,
    `Trainable params: ${trainable.toLocaleString('en-US')}`,
    `Non-trainable params: ${(total - trainable).toLocaleString('en-US')}`,
  ].join('\n');
}
