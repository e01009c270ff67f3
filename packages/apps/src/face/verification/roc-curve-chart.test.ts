import { createRandom } from '@baihua/core';
import { describe, expect, test } from 'vitest';
import { decodePng } from '../../../test/decode-png.js';
import { rocCurvePng, rocCurveSvg, verificationReport } from '../index.js';

const same = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
const good = verificationReport([0.1, 0.2, 0.3, 0.6, 0.5, 0.7, 0.8, 0.9, 1, 1.1], same, { folds: 2 });
const poor = verificationReport([0.1, 0.6, 0.8, 1, 0.2, 0.5, 0.7, 0.9, 1, 1.1], same, { folds: 2 });

/** Every element closed or self-closing, in order: the SVG is well-formed as far as tags go. */
function expectBalancedTags(svg: string) {
  const open: string[] = [];
  for (const [tag, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (close) expect(open.pop(), tag).toBe(name);
    else if (!selfClosing) open.push(name as string);
  }
  expect(open).toEqual([]);
}

describe('rocCurveSvg / rocCurvePng', () => {
  test('SVG: one line per report named with its AUC, the chance diagonal, titles and axis labels', () => {
    const svg = rocCurveSvg({ 'batch-hard': good, 'random <a&b>': poor }, { title: 'Unseen identities' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expectBalancedTags(svg);
    expect(svg).toContain(`batch-hard (AUC ${good.auc.toFixed(4)})`);
    expect(svg).toContain('random &lt;a&amp;b&gt; (AUC'); // names are escaped
    expect(svg).toContain('>chance<');
    expect(svg).toContain('Unseen identities');
    expect(svg).toContain('false accept rate (FAR)');
    expect(svg).toContain('true accept rate (TAR)');
    expect(svg.match(/<path /g)).toHaveLength(3); // two ROC lines and the diagonal
    expect(rocCurveSvg({ a: good })).toContain('>ROC curve<'); // the default title
  });

  test('logFar plots log10(FAR) without the FAR = 0 points and labels the axis so', () => {
    const svg = rocCurveSvg({ good }, { logFar: true });
    expect(svg).toContain('log10 false accept rate (FAR)');
    expectBalancedTags(svg);
    // good's smallest FAR > 0 is 1/6: the x axis spans log10(1/6) ~ -0.78 .. 0.
    const ticks = [...svg.matchAll(/text-anchor="middle">(-?[\d.]+)</g)].map((m) => Number(m[1]));
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(Math.min(...ticks)).toBeGreaterThanOrEqual(-0.8);
    expect(Math.max(...ticks)).toBeLessThanOrEqual(0);
  });

  test('a 20000-pair ROC is drawn with far fewer points, its ends (0, 0) and (1, 1) kept', () => {
    const random = createRandom(5);
    const same = Array.from({ length: 20000 }, (_, i) => i % 2);
    const big = verificationReport(
      same.map((s) => (s ? 1 : 2) + random.normal()),
      same,
    );
    expect(big.roc.far.length).toBe(20001);
    const svg = rocCurveSvg({ big });
    const pathPoints = (color: string) =>
      (new RegExp(`<path d="([^"]*)" fill="none" stroke="${color}"`).exec(svg)?.[1] ?? '')
        .split(' ')
        .map((p) => p.slice(1).split(',').map(Number));
    const points = pathPoints('#1f77b4');
    expect(points.length).toBeGreaterThan(100);
    expect(points.length).toBeLessThan(8000);
    // The chance line runs from (0, 0) to (1, 1): the ROC starts and ends on its ends.
    const chance = pathPoints('#999999');
    expect([points[0], points.at(-1)]).toEqual([chance[0], chance.at(-1)]);
  });

  test('PNG: a valid picture of the asked size with the curves drawn in colour', () => {
    const png = rocCurvePng({ good, poor }, { width: 480, height: 320, logFar: false });
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const { width, height, channels, pixels } = decodePng(png);
    expect([width, height]).toEqual([480, 320]);
    let coloured = 0;
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = [pixels[i * channels], pixels[i * channels + 1], pixels[i * channels + 2]] as [
        number,
        number,
        number,
      ];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    expect(coloured).toBeGreaterThan(500); // two 2-px coloured curves across the plot
  });
});
