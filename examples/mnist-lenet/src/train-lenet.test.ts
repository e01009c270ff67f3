import { expect, test } from 'vitest';
import { inflateSync } from 'node:zlib';
import { useBackend } from '@baihua/core';
import '@baihua/core/testing';
import { loadDigits, side } from './load-digits.js';
import { greyscalePng, tileSvg } from './pictures.js';
import { trainLenet } from './train-lenet.js';

test('loadDigits: a seeded, disjoint split of real digits, centred in a 32x32 frame', () => {
  const a = loadDigits({ train: 40, test: 10, seed: 1 });
  const b = loadDigits({ train: 40, test: 10, seed: 1 });
  const c = loadDigits({ train: 40, test: 10, seed: 2 });
  expect(Array.from(a.train.labels)).toEqual(Array.from(b.train.labels));
  expect(Array.from(a.train.labels)).not.toEqual(Array.from(c.train.labels));
  expect(a.train.images.length).toBe(40 * side * side);
  // The 2-pixel frame is empty, the digit inside is not.
  const first = a.train.images.subarray(0, side * side);
  const frame = Array.from(first).filter((_, p) => {
    const r = Math.floor(p / side);
    const col = p % side;
    return r < 2 || r >= 30 || col < 2 || col >= 30;
  });
  expect(Math.max(...frame)).toBe(0);
  expect(Math.max(...first)).toBeGreaterThan(0.5);
  expect(() => loadDigits({ train: 9000, test: 2000, seed: 1 })).toThrow(/asked for 9000 \+ 2000 digits/);
});

test('greyscalePng writes a valid PNG whose pixels decode back; tileSvg embeds it with captions', () => {
  const png = Buffer.from(greyscalePng([0, 1, 0.5, 0.25], 2, 2, 2));
  expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: 4 x 4 (2 x 2 at scale 2), bit depth 8, colour type 0 (greyscale).
  expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([4, 4, 8, 0]);
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  expect(raw.length).toBe(4 * (1 + 4)); // four rows: a filter byte, then four pixels
  // Row 0 undone (PNG filters 0-4; above row 0 there is nothing): 0, 0, 255, 255.
  const filter = raw[0] as number;
  const row: number[] = [];
  for (let i = 0; i < 4; i++) {
    const left = i === 0 ? 0 : (row[i - 1] as number);
    const predicted = filter === 0 || filter === 2 ? 0 : filter === 3 ? left >> 1 : left;
    row.push(((raw[1 + i] as number) + predicted) & 0xff);
  }
  expect(row).toEqual([0, 0, 255, 255]);
  const svg = tileSvg('t', [{ values: [0, 1, 1, 0], width: 2, height: 2, caption: '7 read as 1' }], {
    columns: 1,
    scale: 4,
  });
  expect(svg).toMatch(/<image [^>]*href="data:image\/png;base64,/);
  expect(svg).toContain('7 read as 1');
});

// The example's own backend; the package tests cover cpu and webgpu.
test('a short wasm run (800 digits, 6 epochs) learns: accuracy far above chance, mistakes listed', async () => {
  await useBackend('wasm');
  const { model, history, testAccuracy, mistakes, testSplit } = await trainLenet({
    train: 800,
    test: 200,
    epochs: 6,
    seed: 3,
    learningRate: 3e-3,
    batchNorm: true,
    progress: 'none',
  });
  const loss = history.get('loss');
  expect(loss.at(-1)).toBeLessThan(0.5 * (loss[0] as number));
  expect(testAccuracy).toBeGreaterThan(0.6); // 74.5% measured; chance is 10%
  expect(mistakes.length).toBe(Math.round((1 - testAccuracy) * testSplit.count));
  for (const m of mistakes) expect(m.predicted).not.toBe(m.truth);
  model.dispose();
});
