import { cjkFontFiles } from '@baihua/apps/face';
import { describeEachBackend, expectNoLeakedTensors, reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { bestMining, miningTable } from './mining-table.js';
import { verifyGlyphs } from './verify-glyphs.js';

function fontsOrReason(): string[] | string {
  try {
    return cjkFontFiles();
  } catch (error) {
    return (error as Error).message;
  }
}

const fonts = fontsOrReason();

describeEachBackend(
  'examples/face-verification pipeline at a tiny size',
  () => {
    if (typeof fonts === 'string') {
      reportUnavailable("Debian's CJK fonts", fonts, requiredOnCi('BAIHUA_REQUIRE_FONTS'));
      return;
    }
    test('trained nets verify unseen identities better than the untrained one; one table row per mining', async () => {
      const run = await expectNoLeakedTensors(async () => {
        const result = await verifyGlyphs({
          fonts,
          trainIdentities: 32,
          testIdentities: 16,
          samplesPerIdentity: 4,
          minings: ['batch-hard', 'semi-hard'],
          steps: 30,
          identitiesPerBatch: 8,
          samplesPerBatchIdentity: 4,
          learningRate: 3e-3,
          net: { filters: [8, 16], units: 16 },
        });
        result.set.dispose();
        return result;
      });
      expect(run.testCharacters).toHaveLength(16);
      expect(run.testCharacters.filter((c) => run.characters.indexOf(c) >= 0)).toHaveLength(16);
      for (const mining of ['batch-hard', 'semi-hard'] as const) {
        const result = run.results[mining];
        expect(result?.report.auc).toBeGreaterThan(run.untrained.auc + 0.03);
      }
      expect(miningTable(run.results, 30).split('\n')).toHaveLength(4);
      expect(['batch-hard', 'semi-hard']).toContain(bestMining(run.results));
      console.log(`untrained AUC ${run.untrained.auc.toFixed(4)}\n${miningTable(run.results, 30)}`);
    }, 180_000);
  },
  { backends: ['wasm'] },
);
