import { describe, expect, test } from 'vitest';
import { activationProperties } from './activation-properties.js';
import { formatDerivative, formatRange, renderPropertyTable } from './property-table.js';
import { readmeBlock } from './readme-block.js';

describe('renderPropertyTable', () => {
  test('formats intervals and sets', () => {
    expect(formatRange({ min: 0, max: Infinity, includesMin: true, includesMax: false })).toBe('[0, ∞)');
    expect(formatRange({ min: -1, max: 1, includesMin: false, includesMax: false })).toBe('(-1, 1)');
    expect(formatDerivative({ kind: 'set', values: [0.01, 1] })).toBe('{0.01, 1}');
    expect(
      formatDerivative({ kind: 'interval', range: { min: 0, max: 0.25, includesMin: false, includesMax: true } }),
    ).toBe('(0, 0.25]');
  });

  test('one row per activation, nine columns each', () => {
    const lines = renderPropertyTable(activationProperties).split('\n');
    expect(lines).toHaveLength(2 + activationProperties.length);
    for (const line of lines.filter((l) => !l.startsWith('|---'))) expect(line.split(' | ')).toHaveLength(9);
  });

  test('the README shows exactly the rendered table', () => {
    const rendered = renderPropertyTable(activationProperties);
    expect(readmeBlock('property-table'), `README.md's property-table block should read:\n${rendered}`).toBe(rendered);
  });
});
