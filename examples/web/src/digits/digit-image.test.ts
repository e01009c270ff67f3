import { describe, expect, test } from 'vitest';
import { loadDigits } from '@baihua/example-mnist-data';
import { inkOfRgba, lenetSide, mnistFraming, type GreyImage } from './digit-image.js';

// A 28x28 digit drawn 10 times larger, as on the page's 280x280 canvas.
function enlarge(values: Float32Array, side: number, factor: number): GreyImage {
  const width = side * factor;
  const out = new Float32Array(width * width);
  for (let y = 0; y < width; y++)
    for (let x = 0; x < width; x++)
      out[y * width + x] = values[Math.floor(y / factor) * side + Math.floor(x / factor)] as number;
  return { values: out, width, height: width };
}

const padded = (values: Float32Array, shiftX = 0, shiftY = 0) => {
  const out = new Float32Array(lenetSide * lenetSide);
  for (let y = 0; y < 28; y++)
    for (let x = 0; x < 28; x++) {
      const [ty, tx] = [y + 2 + shiftY, x + 2 + shiftX];
      if (ty >= 0 && tx >= 0 && ty < lenetSide && tx < lenetSide)
        out[ty * lenetSide + tx] = values[y * 28 + x] as number;
    }
  return out;
};

describe('mnistFraming', () => {
  // MNIST itself framed these digits (20-pixel box, centre of mass in the middle): framing them
  // again, drawn 10x larger, must give them back, up to the 1-pixel rounding of the centre of mass.
  test('gives real MNIST digits back as MNIST framed them (within a 1-pixel shift)', () => {
    const { train } = loadDigits({ train: 12, test: 0, seed: 7 });
    for (let k = 0; k < train.count; k++) {
      const digit = train.images.slice(k * 784, (k + 1) * 784);
      const framed = mnistFraming(enlarge(digit, 28, 10)) as Float32Array;
      const errors = [-1, 0, 1].flatMap((dy) =>
        [-1, 0, 1].map((dx) => {
          const reference = padded(digit, dx, dy);
          return Math.max(...framed.map((v, i) => Math.abs(v - (reference[i] as number))));
        }),
      );
      expect(Math.min(...errors), `digit ${k} (label ${train.labels[k]})`).toBeLessThan(1e-5);
    }
  });

  test('scales a small off-centre square to 20 pixels and centres it', () => {
    const image: GreyImage = { values: new Float32Array(100 * 100), width: 100, height: 100 };
    for (let y = 5; y < 15; y++) for (let x = 70; x < 80; x++) image.values[y * 100 + x] = 1;
    const framed = mnistFraming(image) as Float32Array;
    const inked = [...framed.keys()].filter((i) => (framed[i] as number) > 0.5);
    const rows = inked.map((i) => Math.floor(i / lenetSide));
    const columns = inked.map((i) => i % lenetSide);
    expect([Math.min(...rows), Math.max(...rows)]).toEqual([6, 25]);
    expect([Math.min(...columns), Math.max(...columns)]).toEqual([6, 25]);
    expect(inked.length).toBe(400);
  });

  test('keeps the aspect ratio of a tall stroke', () => {
    const image: GreyImage = { values: new Float32Array(50 * 50), width: 50, height: 50 };
    for (let y = 10; y < 40; y++) for (let x = 20; x < 23; x++) image.values[y * 50 + x] = 1;
    const framed = mnistFraming(image) as Float32Array;
    const columns = new Set([...framed.keys()].filter((i) => (framed[i] as number) > 0.5).map((i) => i % lenetSide));
    expect(columns.size).toBe(2); // 3 of 30 pixels wide -> 2 of 20
  });

  test('says undefined for an empty or nearly empty picture', () => {
    expect(mnistFraming({ values: new Float32Array(64), width: 8, height: 8 })).toBeUndefined();
    expect(mnistFraming({ values: new Float32Array(64).fill(0.05), width: 8, height: 8 })).toBeUndefined();
  });
});

test('inkOfRgba: the mean of the colour channels, alpha ignored', () => {
  const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 51, 102, 153, 0]);
  expect(Array.from(inkOfRgba(rgba, 3, 1).values)).toEqual([1, 0, expect.closeTo(0.4, 6)]);
});
