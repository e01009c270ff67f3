import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { gradientRetention, type GradientRetentionResult } from './gradient-retention.js';
import { readmeBlock } from './readme-block.js';
import {
  formatPercent,
  readmeRetentionConfig,
  readmeRetentionSeeds,
  renderRetentionTable,
  seedRetentionClaims,
} from './retention-table.js';

// The README states the figures measured on the cpu backend (wasm gives the same to the digits
// shown); re-measuring the full 10 x 64 x 256 networks 25 times on SwiftShader webgpu would take
// minutes, so this documentation check runs on cpu only. gradient-retention.test.ts covers every backend.
describeEachBackend(
  "the README's gradient-retention table",
  () => {
    test('formatPercent: two significant figures', () => {
      expect(formatPercent(4.87e-7)).toBe('0.000049%');
      expect(formatPercent(1.1)).toBe('110%');
      expect(formatPercent(0.0342)).toBe('3.4%');
    });

    test('renderRetentionTable refuses a table with an activation left unmeasured', () => {
      expect(() => renderRetentionTable(new Map())).toThrow(
        `renderRetentionTable: no measurement for '${seedRetentionClaims[0]?.name}'`,
      );
    });

    test('is what gradientRetention measures now (depth 10, width 64, 256 samples, seeds 1 to 5)', async () => {
      const measured = new Map<string, GradientRetentionResult[]>();
      for (const { name } of seedRetentionClaims) {
        const results: GradientRetentionResult[] = [];
        for (const seed of readmeRetentionSeeds)
          results.push(await gradientRetention(name, { ...readmeRetentionConfig, seed }));
        measured.set(name, results);
      }
      const rendered = renderRetentionTable(measured);
      expect(readmeBlock('retention-table'), `README.md's retention-table block should read:\n${rendered}`).toBe(
        rendered,
      );
    });
  },
  { backends: ['cpu'] },
);
