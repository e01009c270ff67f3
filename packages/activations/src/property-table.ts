import type { ActivationProperty, DerivativeValues, ValueRange } from './activation-properties.js';

const bound = (value: number): string => (value === Infinity ? '∞' : value === -Infinity ? '-∞' : String(value));

/** `(0, 1)`, `[0, ∞)`: an interval as written in the docs. */
export function formatRange(range: ValueRange): string {
  return `${range.includesMin ? '[' : '('}${bound(range.min)}, ${bound(range.max)}${range.includesMax ? ']' : ')'}`;
}

/** `{0, 1}` for a set, the interval otherwise. */
export function formatDerivative(derivative: DerivativeValues): string {
  return derivative.kind === 'set' ? `{${derivative.values.join(', ')}}` : formatRange(derivative.range);
}

/**
 * Renders the property table as Markdown, as the package README shows it (a test checks that the
 * README holds exactly this text). Internal: the data is the public part.
 */
export function renderPropertyTable(rows: readonly ActivationProperty[]): string {
  const titles = ['name', 'formula', 'output range', 'derivative range', "max f'", 'zero-centred', 'saturates'];
  const header = [markdownRow([...titles, 'seed (大白话)', 'in English']), '|---|---|---|---|---|---|---|---|---|'];
  const lines = rows.map((p) =>
    markdownRow([
      p.name,
      p.formula,
      formatRange(p.outputRange),
      formatDerivative(p.derivative),
      p.maxDerivative,
      p.zeroCentred ? 'yes' : 'no',
      p.saturates,
      p.seedNote,
      p.note,
    ]),
  );
  return [...header, ...lines].join('\n');
}

/** One Markdown table row: `| a | b | c |`. */
export function markdownRow(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}
