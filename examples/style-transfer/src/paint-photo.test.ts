import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { decodeImage, encodePng } from '@baihua/apps/style';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { faceNetExtractor } from './face-net-extractor.js';
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

describeEachBackend(
  'examples/style-transfer face-net extractor',
  () => {
    test("face-api's pretrained net as extractor: four maps at any size, 4 steps lower the style loss", async () => {
      await expectNoLeakedTensors(async () => {
        const { extractor, net } = await faceNetExtractor();
        const images = tf.zeros([1, 64, 80, 3]) as tf.Tensor4D;
        try {
          const features = extractor(images);
          const shapes = Object.fromEntries(Object.entries(features).map(([name, map]) => [name, map.shape]));
          tf.dispose(Object.values(features));
          // 7x7/2 valid stem: 29x37; 3x3/2 max pool: 14x18; each downsampling stage halves (valid 3x3/2 conv).
          expect(shapes).toEqual({
            stem: [1, 29, 37, 32],
            block32: [1, 14, 18, 32],
            block64: [1, 7, 9, 64],
            block128: [1, 3, 4, 128],
          });
        } finally {
          images.dispose();
          net.dispose();
        }
        const run = await paintPhoto({
          ...{ content: 'sample1', style: 'sample3', size: 48, steps: 4, learningRate: 0.02, extractor: 'face-net' },
          ...{ styleWeight: 50, tvWeight: 0.05, scales: [3], filters: 1, seed: 1 },
        });
        tf.dispose([run.content, run.style, run.result]);
        expect(run.history.style[4]).toBeLessThan(run.history.style[0] as number);
      });
    }, 60_000);
  },
  { backends: ['cpu', 'wasm'] },
);
