import { encodePng } from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';

/**
 * The first `count` images of [N, S, S, 3] (values in [0, 1]) in one row, scaled up 3x with a
 * 4 px white gap, as a PNG.
 *
 * In plain words: a contact sheet of the scenes.
 */
export async function sceneSheetPng(images: tf.Tensor, count: number): Promise<Uint8Array> {
  const [, size] = images.shape as [number, number, number, number];
  const [scale, gap] = [3, 4];
  const cell = size * scale;
  const [width, height] = [count * (cell + gap) + gap, cell + 2 * gap];
  const pixels = await images.data();
  const out = new Uint8Array(width * height * 3).fill(255);
  for (let n = 0; n < count; n++) {
    for (let y = 0; y < cell; y++) {
      for (let x = 0; x < cell; x++) {
        const from = ((n * size + Math.floor(y / scale)) * size + Math.floor(x / scale)) * 3;
        const to = ((gap + y) * width + gap + n * (cell + gap) + x) * 3;
        for (let c = 0; c < 3; c++) out[to + c] = Math.round(255 * (pixels[from + c] as number));
      }
    }
  }
  return encodePng(out, width, height, { channels: 3 });
}
