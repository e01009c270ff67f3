// Dilation on one axis only ([2, 1], [1, 2]) and unequal ([2, 3]), on every backend, against plain
// loops: the PyTorch fixtures dilate both axes alike, so a dilated filter that ignored one axis
// (or took the other's rate) went unnoticed by mutation testing.
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { test } from 'vitest';
import { conv2d } from './conv2d.js';
import { depthwiseConv2d } from './depthwise-conv2d.js';
import { dilateFilter } from './dilate-filter.js';

const [n, h, w, c] = [1, 7, 8, 2];
const [kh, kw, m] = [2, 3, 2];
const xs = Array.from({ length: n * h * w * c }, (_, i) => Math.sin(1.7 * i + 0.3));
const ws = Array.from({ length: kh * kw * c * m }, (_, i) => Math.cos(0.9 * i - 0.2));
const at = (i: number, j: number, ch: number) => xs[(i * w + j) * c + ch] as number;
const tap = (p: number, q: number, ch: number, o: number) => ws[((p * kw + q) * c + ch) * m + o] as number;

/** 'valid', stride 1: conv2d (filter [kh, kw, c, m]) or depthwise (output channel ch * m + o). */
function byLoops(dh: number, dw: number, depthwise: boolean): number[][][][] {
  const [oh, ow] = [h - (kh - 1) * dh, w - (kw - 1) * dw];
  const out = Array.from({ length: oh }, (_, i) =>
    Array.from({ length: ow }, (_, j) => {
      const sum = (ch: number, o: number) => {
        let s = 0;
        for (let p = 0; p < kh; p++)
          for (let q = 0; q < kw; q++) s += at(i + p * dh, j + q * dw, ch) * tap(p, q, ch, o);
        return s;
      };
      if (depthwise) return Array.from({ length: c * m }, (_, k) => sum(Math.floor(k / m), k % m));
      return Array.from({ length: m }, (_, o) => {
        let s = 0;
        for (let ch = 0; ch < c; ch++) s += sum(ch, o);
        return s;
      });
    }),
  );
  return [out];
}

describeEachBackend('dilation on one axis', () => {
  test.each([
    [2, 1],
    [1, 2],
    [2, 3],
  ])('dilations [%i, %i]: conv2d and depthwiseConv2d equal the loops', async (dh, dw) => {
    const x = tf.tensor4d(xs, [n, h, w, c]);
    const filter = tf.tensor4d(ws, [kh, kw, c, m]);
    await expectTensorsClose(conv2d(x, filter, { dilations: [dh, dw] }), byLoops(dh, dw, false));
    await expectTensorsClose(depthwiseConv2d(x, filter, { dilations: [dh, dw] }), byLoops(dh, dw, true));
    tf.dispose([x, filter]);
  });

  test('dilateFilter puts dh - 1 zero rows and dw - 1 zero columns between the taps', async () => {
    const filter = tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1]);
    await expectTensorsClose(dilateFilter(filter, [2, 1]), tf.tensor4d([1, 2, 0, 0, 3, 4], [3, 2, 1, 1]));
    await expectTensorsClose(dilateFilter(filter, [1, 3]), tf.tensor4d([1, 0, 0, 2, 3, 0, 0, 4], [2, 4, 1, 1]));
    await expectTensorsClose(dilateFilter(filter, 1), filter);
    filter.dispose();
  });
});
