import { expect, test } from 'vitest';
import { bitmapTextWidth, drawBitmapText, type BitmapTextPlacement } from './bitmap-font.js';
import { RasterCanvas, type Rgba } from './raster-canvas.js';

const black: Rgba = [0, 0, 0, 255];
const blue: Rgba = [0, 0, 255, 255];

/** The set of "x,y" of pixels that are not white. */
function inked(canvas: RasterCanvas): Set<string> {
  const out = new Set<string>();
  for (let y = 0; y < canvas.height; y++)
    for (let x = 0; x < canvas.width; x++)
      if (
        canvas
          .pixel(x, y)
          .slice(0, 3)
          .some((c) => c !== 255)
      )
        out.add(`${x},${y}`);
  return out;
}

test('RasterCanvas: white background, fillRect covers the pixels whose centres are inside, clipped', () => {
  const canvas = new RasterCanvas(8, 6);
  expect(canvas.pixels.length).toBe(8 * 6 * 4);
  expect(canvas.pixel(7, 5)).toEqual([255, 255, 255, 255]);
  canvas.fillRect(1.2, 2, 2, 1.6, blue); // centres x 1.5, 2.5 and y 2.5, 3.5 inside; x 3.5 and y 4.5 not
  expect([...inked(canvas)].sort()).toEqual(['1,2', '1,3', '2,2', '2,3']);
  canvas.fillRect(-5, -5, 100, 6, black); // clipped to the canvas: row 0 only
  expect([canvas.pixel(0, 0), canvas.pixel(7, 0), canvas.pixel(0, 1)]).toEqual([
    [0, 0, 0, 255],
    [0, 0, 0, 255],
    [255, 255, 255, 255],
  ]);
});

test('RasterCanvas: blendPixel mixes by coverage and alpha', () => {
  const canvas = new RasterCanvas(2, 1);
  canvas.blendPixel(0, 0, [0, 0, 0, 255], 0.5);
  expect(canvas.pixel(0, 0)).toEqual([128, 128, 128, 255]);
  canvas.blendPixel(1, 0, [255, 0, 0, 64]);
  expect(canvas.pixel(1, 0)).toEqual([255, 191, 191, 255]);
  canvas.blendPixel(5, 0, black); // outside: ignored
  canvas.blendPixel(1, 0, black, 0);
  expect(canvas.pixel(1, 0)).toEqual([255, 191, 191, 255]);
});

test('RasterCanvas.strokePolyline: solid along the line, anti-aliased edges, nothing far off, joins once', () => {
  const canvas = new RasterCanvas(40, 40);
  canvas.strokePolyline(
    [
      [5, 5],
      [35, 35],
    ],
    blue,
    2,
  ); // the diagonal
  for (const t of [6, 12, 20, 30]) expect(canvas.pixel(t, t)).toEqual([0, 0, 255, 255]);
  const edge = canvas.pixel(22, 20); // centre 1.41 px from the line: partly covered
  expect(edge[2]).toBe(255);
  expect(edge[0]).toBeGreaterThan(0);
  expect(edge[0]).toBeLessThan(255);
  expect(canvas.pixel(30, 10)).toEqual([255, 255, 255, 255]);
  const joined = new RasterCanvas(20, 20);
  joined.strokePolyline(
    [
      [2, 10],
      [10, 10],
      [18, 10],
    ],
    [0, 0, 0, 128],
    2,
  );
  expect(joined.pixel(10, 10)).toEqual(joined.pixel(5, 10)); // the join got one coat, like the rest
  const dot = new RasterCanvas(10, 10);
  dot.strokePolyline([[5, 5]], black, 2);
  expect(dot.pixel(4, 4)[0]).toBeLessThan(255);
});

const placement: BitmapTextPlacement = { color: black, scale: 1, anchor: 'start', baseline: 'alphabetic', rotation: 0 };

test('drawBitmapText: glyph shapes, anchors, baselines, scale, rotation, boxes for non-ASCII', () => {
  expect(bitmapTextWidth('loss', 1)).toBe(23);
  expect(bitmapTextWidth('', 2)).toBe(0);
  const canvas = new RasterCanvas(30, 20);
  drawBitmapText(canvas, 'I', 10, 10, placement); // 'I' = a bar at column 2 plus serifs at columns 1 and 3
  expect([...inked(canvas)].sort()).toEqual(
    ['11,3', '11,9', '12,3', '12,4', '12,5', '12,6', '12,7', '12,8', '12,9', '13,3', '13,9'].sort(),
  );
  const middle = new RasterCanvas(30, 20);
  // 5 px wide, 7 tall, centred
  drawBitmapText(middle, 'I', 15, 10, { ...placement, anchor: 'middle', baseline: 'middle' });
  expect(
    [...inked(middle)].every((p) => {
      const [x, y] = p.split(',').map(Number) as [number, number];
      return x >= 13 && x <= 17 && y >= 7 && y <= 13;
    }),
  ).toBe(true);
  const big = new RasterCanvas(30, 30);
  drawBitmapText(big, 'I', 0, 20, { ...placement, scale: 2 });
  expect(inked(big).size).toBe(4 * inked(canvas).size);
  const turned = new RasterCanvas(20, 30);
  drawBitmapText(turned, 'I', 10, 20, { ...placement, rotation: -90 }); // reads upwards: the bar becomes row 17
  expect([...inked(turned)].sort()).toEqual(
    ['3,16', '3,17', '3,18', '4,17', '5,17', '6,17', '7,17', '8,17', '9,16', '9,17', '9,18'].sort(),
  );
  const box = new RasterCanvas(10, 10);
  drawBitmapText(box, '\u00fc', 0, 8, placement); // not ASCII: a hollow box 5 wide and 7 tall
  expect(inked(box).size).toBe(7 + 2 + 2 + 2 + 7);
  expect(box.pixel(2, 4)).toEqual([255, 255, 255, 255]);
  expect(bitmapTextWidth('\u{1f600}', 1)).toBe(5); // one code point, one cell
});
