import * as tf from '@tensorflow/tfjs-core';
import { encode as encodeRawPng } from 'fast-png';
import { expect, test } from 'vitest';
import { ArgumentError, ShapeError, createRandom } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { decodeImage } from './decode-image.js';
import { encodeJpeg, encodePng } from './encode-image.js';
import { imageDataToTensor, tensorToImageData } from './image-data.js';

/** An [H, W, 3] image of random 8-bit levels k / 255, so a PNG round trip can be exact. */
function levels(height: number, width: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: height * width * 3 }, () => random.integer(256) / 255);
}
/** A smooth image (JPEG's favourable case): two ramps and a constant. */
function smooth(height: number, width: number): Float32Array {
  const values = new Float32Array(height * width * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) values.set([y / (height - 1), x / (width - 1), 0.5], (y * width + x) * 3);
  return values;
}
async function decoded(bytes: Uint8Array): Promise<{ shape: number[]; values: Float32Array }> {
  const image = decodeImage(bytes);
  try {
    return { shape: image.shape, values: (await image.data()) as Float32Array };
  } finally {
    image.dispose();
  }
}
const raw = (data: Uint8Array | Uint16Array, channels: number, depth: 1 | 8 | 16, width = 3, height = 2) =>
  encodeRawPng({ width, height, data, channels, depth });

describeEachBackend('style image IO', () => {
  test('PNG round trip is exact for 8-bit levels, [H, W, 3] and [1, H, W, 3], nothing leaked', async () => {
    const values = levels(5, 7, 1);
    await expectNoLeakedTensors(async () => {
      const image = tf.tensor3d(values, [5, 7, 3]);
      const batched = tf.reshape(image, [1, 5, 7, 3]);
      try {
        for (const input of [image, batched]) {
          const back = await decoded(await encodePng(input));
          expect(back.shape).toEqual([5, 7, 3]);
          expect(Array.from(back.values)).toEqual(Array.from(values));
        }
      } finally {
        tf.dispose([image, batched]);
      }
    });
  });

  test('encoding clamps to [0, 1] and rounds to the nearest level', async () => {
    const image = tf.tensor3d([-0.5, 1.7, 0.5, 0.3, 0.002, 0.998], [1, 2, 3]);
    try {
      const back = await decoded(await encodePng(image));
      expect(Array.from(back.values, (v) => Math.round(v * 255))).toEqual([0, 255, 128, 77, 1, 254]);
    } finally {
      image.dispose();
    }
  });

  test('JPEG round trip of a smooth 32x32 image at quality 90: max error <= 6/255, mean <= 1.5/255', async () => {
    const values = smooth(32, 32);
    const image = tf.tensor3d(values, [32, 32, 3]);
    try {
      const bytes = await encodeJpeg(image, 90);
      expect(Array.from(bytes.subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]);
      const back = await decoded(bytes);
      expect(back.shape).toEqual([32, 32, 3]);
      const errors = Array.from(values, (v, i) => Math.abs(v - (back.values[i] as number)) * 255);
      expect(Math.max(...errors)).toBeLessThanOrEqual(6);
      expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThanOrEqual(1.5);
    } finally {
      image.dispose();
    }
  });

  test('grey, grey + alpha, RGBA, 16-bit, 1-bit and palette PNGs all decode to [H, W, 3] in [0, 1]', async () => {
    const grey = await decoded(raw(new Uint8Array([0, 51, 102, 153, 204, 255]), 1, 8));
    expect(Array.from(grey.values.subarray(0, 6), (v) => Math.round(v * 255))).toEqual([0, 0, 0, 51, 51, 51]);
    const greyAlpha = await decoded(raw(new Uint8Array([255, 0, 0, 9, 0, 9, 0, 9, 0, 9, 0, 9]), 2, 8));
    expect(Array.from(greyAlpha.values.subarray(0, 3))).toEqual([1, 1, 1]);
    const rgba = await decoded(
      raw(
        new Uint8Array(24).map((_, i) => (i % 4 === 3 ? 0 : 255)),
        4,
        8,
      ),
    );
    expect(rgba.values.every((v) => v === 1)).toBe(true);
    const deep = await decoded(raw(new Uint16Array(18).fill(65535 / 5), 3, 16));
    expect(deep.values[0]).toBeCloseTo(0.2, 6);
    const bits = await decoded(raw(new Uint8Array([0b10100000, 0b01000000]), 1, 1));
    expect(Array.from(bits.values).filter((_, i) => i % 3 === 0)).toEqual([1, 0, 1, 0, 1, 0]);
    const palette = [
      [255, 0, 0],
      [0, 0, 255],
    ];
    const indexed = encodeRawPng({ width: 2, height: 1, data: new Uint8Array([1, 0]), channels: 1, depth: 8, palette });
    expect(Array.from((await decoded(indexed)).values)).toEqual([0, 0, 1, 1, 0, 0]);
    for (const image of [grey, greyAlpha, rgba, deep, bits]) expect(image.shape).toEqual([2, 3, 3]);
  });

  test('ImageData round trip (RGBA bytes, alpha dropped then 255), with no DOM', async () => {
    const data = new Uint8ClampedArray([10, 20, 30, 0, 40, 50, 60, 128]);
    const image = imageDataToTensor({ width: 2, height: 1, data });
    try {
      expect(image.shape).toEqual([1, 2, 3]);
      const back = await tensorToImageData(image);
      expect([back.width, back.height]).toEqual([2, 1]);
      expect(Array.from(back.data)).toEqual([10, 20, 30, 255, 40, 50, 60, 255]);
    } finally {
      image.dispose();
    }
  });

  test('bad bytes and bad images are clear errors that name the function, nothing leaked', async () => {
    await expectNoLeakedTensors(async () => {
      expect(() => decodeImage(new Uint8Array([1, 2, 3, 4]))).toThrow(
        'decodeImage: expected the bytes of a PNG (89 50 4e 47 ...) or JPEG (ff d8 ff ...) file, ' +
          'got 4 bytes starting 01 02 03 04',
      );
      expect(() => decodeImage(new Uint8Array())).toThrow('got 0 bytes starting (none)');
      expect(() => decodeImage('photo.png' as unknown as Uint8Array)).toThrow(ArgumentError);
      const truncatedPng = raw(new Uint8Array(18), 3, 8).subarray(0, 30);
      expect(() => decodeImage(truncatedPng)).toThrow(/decodeImage: expected a valid PNG file, got one that fails/);
      expect(() => decodeImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toThrow(
        /decodeImage: expected a valid JPEG file/,
      );
      const wrong = [
        tf.zeros([4, 4]),
        tf.zeros([4, 4, 4]),
        tf.zeros([2, 4, 4, 3]),
        tf.zeros([0, 4, 3]),
        tf.zeros([2, 2, 3]),
      ];
      try {
        for (const image of wrong.slice(0, 4)) await expect(encodePng(image)).rejects.toThrow(ShapeError);
        await expect(encodePng(wrong[1] as tf.Tensor)).rejects.toThrow(
          'encodePng: expected image of shape [H, W, 3] or [1, H, W, 3] with H, W >= 1, got shape [4,4,4]',
        );
        await expect(encodeJpeg(wrong[2] as tf.Tensor)).rejects.toThrow(/^encodeJpeg: expected image of shape/);
        await expect(encodeJpeg(wrong[4] as tf.Tensor, 0)).rejects.toThrow(
          'encodeJpeg: expected quality in [1, 100], got 0',
        );
      } finally {
        tf.dispose(wrong);
      }
      expect(() => imageDataToTensor({ width: 2, height: 2, data: new Uint8ClampedArray(4) })).toThrow(
        'imageDataToTensor: expected imageData.data of 16 bytes (width x height x 4, RGBA), got 4',
      );
    });
  });
});
