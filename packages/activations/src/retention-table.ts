// Docs support (not exported by the package): the seed's "10层后梯度保留率" table beside what
// gradientRetention measures. The README holds the rendered table; retention-table.test.ts
// measures again and checks that the README still says exactly this.
import { activationProperties } from './activation-properties.js';
import type { GradientRetentionResult } from './gradient-retention.js';
import { markdownRow } from './property-table.js';

/** One row of the seed's table (种子: 激活函数导数对比), as written there. */
export interface SeedRetentionClaim {
  name: string;
  /** The seed's "导数范围" column. */
  derivativeRange: string;
  /** The seed's "10层后梯度保留率" column, verbatim. */
  claim: string;
}

export const seedRetentionClaims: readonly SeedRetentionClaim[] = [
  { name: 'sigmoid', derivativeRange: '(0, 0.25]', claim: '<0.000001%' },
  { name: 'tanh', derivativeRange: '(0, 1]', claim: '约0.001% (about 0.001%)' },
  { name: 'relu', derivativeRange: '{0, 1}', claim: '100%' },
  { name: 'leakyRelu', derivativeRange: '{α, 1}', claim: '>99%' },
  { name: 'elu', derivativeRange: '—', claim: "— (not in the seed's table)" },
];

/** The configuration the README's table is measured with. */
export const readmeRetentionConfig = { depth: 10, width: 64, samples: 256 } as const;
/** The seeds the README's table averages over (each a fresh network). */
export const readmeRetentionSeeds = [1, 2, 3, 4, 5] as const;

/** 4.9e-7 as "0.000049%", 0.96 as "96%": two significant figures. */
export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(2))}%`;
}

const geometricMean = (values: number[]): number =>
  Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);

/**
 * Renders the comparison as Markdown. `measured` maps an activation's name to its results, one
 * per seed; figures are the geometric mean over seeds, with the smallest and largest beside it.
 */
export function renderRetentionTable(measured: ReadonlyMap<string, readonly GradientRetentionResult[]>): string {
  const header = [
    markdownRow([
      'activation',
      'seed: derivative range',
      'seed: kept after 10 layers',
      "bound (max f')^10",
      'measured: prod of activation ratios',
      'measured: retention ‖dL/dx‖ / ‖dL/dh_10‖ (min to max)',
      'init',
    ]),
    '|---|---|---|---|---|---|---|',
  ];
  const rows = seedRetentionClaims.map((claim) => {
    const results = measured.get(claim.name) ?? [];
    if (results.length === 0) throw new Error(`renderRetentionTable: no measurement for '${claim.name}'`);
    const maxDerivative = activationProperties.find((p) => p.name === claim.name)?.maxDerivative ?? Number.NaN;
    const products = results.map((r) => r.activationProduct);
    const retentions = results.map((r) => r.retention);
    const spread = `(${formatPercent(Math.min(...retentions))} to ${formatPercent(Math.max(...retentions))})`;
    return markdownRow([
      claim.name,
      claim.derivativeRange,
      claim.claim,
      formatPercent(maxDerivative ** readmeRetentionConfig.depth),
      formatPercent(geometricMean(products)),
      `${formatPercent(geometricMean(retentions))} ${spread}`,
      `${results[0]?.init}`,
    ]);
  });
  return [...header, ...rows].join('\n');
}
