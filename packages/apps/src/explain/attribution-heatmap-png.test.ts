import { inflateSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { attributionHeatmapPng } from './attribution-heatmap-png.js';

/** The pixels of an 8-bit RGB PNG: IDAT inflated, PNG's five row filters undone. */
function decodeRgb(png: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const view = Buffer.from(png);
  const [width, height] = [view.readUInt32BE(16), view.readUInt32BE(20)];
  const chunks: Buffer[] = [];
  for (let at = 8; at < view.length; ) {
    const length = view.readUInt32BE(at);
    if (view.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(view.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 3;
  const rgb = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let i = 0; i < stride; i++) {
      const left = i >= 3 ? (rgb[y * stride + i - 3] as number) : 0;
      const up = y > 0 ? (rgb[(y - 1) * stride + i] as number) : 0;
      const corner = y > 0 && i >= 3 ? (rgb[(y - 1) * stride + i - 3] as number) : 0;
      const p = left + up - corner;
      const [da, db, dc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
      const paeth = da <= db && da <= dc ? left : db <= dc ? up : corner;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter] as number;
      rgb[y * stride + i] = ((raw[y * (stride + 1) + 1 + i] as number) + predicted) & 0xff;
    }
  }
  return { width, height, rgb };
}

describe('attributionHeatmapPng', () => {
  test('a grid of digit and heat-map cells: ink dark, positive red, negative blue, zero grey-white', async () => {
    const images = tf.tensor([1, 0, 0, 0], [1, 2, 2, 1]);
    const map = tf.tensor([2, -2, 0, 0], [1, 2, 2, 1]);
    try {
      const { width, height, rgb } = decodeRgb(await attributionHeatmapPng(images, [map], { scale: 3, gap: 1 }));
      expect([width, height]).toEqual([2 * 6 + 3, 6 + 2]);
      const at = (x: number, y: number) => Array.from(rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3));
      expect(at(1, 1)).toEqual([0, 0, 0]); // the ink pixel of the digit cell
      expect(at(4, 1)).toEqual([255, 255, 255]); // an empty pixel of the digit cell
      expect(at(8, 1)).toEqual([178, 24, 43]); // heat cell, pixel (0, 0): the largest positive attribution
      expect(at(11, 1)).toEqual([33, 102, 172]); // pixel (0, 1): the largest negative one
      expect(at(11, 4)).toEqual([255, 255, 255]); // zero attribution on no ink
      expect(at(0, 0)).toEqual([255, 255, 255]); // the gap
    } finally {
      tf.dispose([images, map]);
    }
  });

  test('maps of another shape and unknown options are refused', async () => {
    const images = tf.zeros([1, 2, 2, 1]);
    const map = tf.zeros([1, 2, 3, 1]);
    try {
      await expect(attributionHeatmapPng(images, [map])).rejects.toThrow(
        /attributionHeatmapPng: expected images and maps\[0\] to have the same shape, got \[1,2,2,1\] and \[1,2,3,1\]/,
      );
      await expect(attributionHeatmapPng(images, [], { scael: 2 } as never)).rejects.toThrow(/unknown key 'scael'/);
    } finally {
      tf.dispose([images, map]);
    }
  });
});
