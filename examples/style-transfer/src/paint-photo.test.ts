import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { decodeImage, encodePng } from '@baihua/apps/style';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { lossLines, paintPhoto } from './paint-photo.js';
import { sideBySide } from './side-by-side.js';

describeEachBackend(
  'examples/style-transfer pipeline',
  () => {
    test('two real photos at 24 px, 8 steps: the style loss falls, lines and PNGs as main.ts writes them', async () => {
      await expectNoLeakedTensors(async () => {
        const run = await paintPhoto({
          ...{ content: 'sample1', style: 'sample3', size: 24, steps: 8, learningRate: 0.02 },
          ...{ styleWeight: 20000, tvWeight: 0.01, scales: [3, 5], filters: 8, seed: 1 },
        });
        try {
          expect(run.content.shape).toEqual([16, 24, 3]); // 1920x1280 keeps its aspect ratio
          expect(run.result.shape).toEqual(run.content.shape);
          expect(run.history.style[8]).toBeLessThan((run.history.style[0] as number) / 2);
          const [styleLine, contentLine] = lossLines(run.history);
          expect(styleLine).toMatch(/^style loss: \d\S* -> \d\S* \(x\d+\.\d\)$/);
          expect(contentLine).toMatch(/^content loss: 0 -> \d\S*$/);
          const row = sideBySide([run.content, run.style, run.result]);
          const back = decodeImage(await encodePng(row));
          expect(back.shape).toEqual([Math.max(16, run.style.shape[0] as number), 24 * 3 + 8, 3]);
          tf.dispose([row, back]);
        } finally {
          tf.dispose([run.content, run.style, run.result]);
        }
      });
    }, 60_000);
  },
  { backends: ['cpu', 'wasm'] },
);
