import * as tf from '@tensorflow/tfjs-core';
import { decode } from 'fast-png';
import { expect, test } from 'vitest';
import { captionAttentionPng } from './caption-attention-png.js';

test('captionAttentionPng: the image, then one panel per word lit where that word attended', async () => {
  const image = tf.fill([1, 8, 8, 3], 0.5);
  try {
    const png = await captionAttentionPng(
      image,
      ['top-left', 'bottom-right'],
      [
        [1, 0, 0, 0],
        [0, 0, 0, 1],
        [0.25, 0.25, 0.25, 0.25], // the <eos> step: ignored
      ],
      { scale: 2, gap: 1 },
    );
    const { width, height, data, channels } = decode(png);
    expect([width, height, channels]).toEqual([3 * 16 + 4, 16 + 2, 3]);
    const at = (panel: number, x: number, y: number) => data[((1 + y) * width + 1 + panel * 17 + x) * 3] as number;
    expect([at(0, 0, 0), at(0, 15, 15)]).toEqual([128, 128]); // the plain image
    expect([at(1, 0, 0), at(1, 15, 15)]).toEqual([217, 38]); // 0.5 + 0.35 glow top-left; 0.5 x 0.3 bottom-right
    expect([at(2, 0, 0), at(2, 15, 15)]).toEqual([38, 217]);
    // Halfway between the cell centres (x = 8 of 16) the light is halfway: bilinear, not blocky.
    expect(at(1, 8, 0)).toBeGreaterThan(110);
    expect(at(1, 8, 0)).toBeLessThan(150);
    expect(data[width * 3]).toBe(255); // the white gap
  } finally {
    image.dispose();
  }
});
