// Held-out MNIST digits for the end-to-end tests, read from the built site's own digit file, and a
// way to draw one on the page's pad as strokes of the mouse: every run of inked pixels of a row
// becomes one stroke (pointer down, move, up) across the 280x280 canvas, 10 canvas pixels per MNIST pixel.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

const [count, pixels] = [10_000, 784];

/** Digits 8,000 to 9,999 of the site's file: never seen by the pretrained model. */
export function heldOutDigits(): { label: number; values: Float32Array }[] {
  const file = fileURLToPath(new URL('../dist/data/mnist-digits.gz.bin', import.meta.url));
  const bytes = gunzipSync(readFileSync(file));
  const digits = [];
  for (let k = 8000; k < count; k++) {
    const values = Float32Array.from(bytes.subarray(count + k * pixels, count + (k + 1) * pixels), (v) => v / 255);
    digits.push({ label: bytes[k] as number, values });
  }
  return digits;
}

/** Draws `values` (28x28 in [0, 1]) on the canvas `#pad` with the mouse: one stroke per run of ink >= 0.5 in a row. */
export async function drawDigit(page: Page, values: Float32Array): Promise<number> {
  await page.click('#clear');
  const box = await page.locator('#pad').boundingBox();
  if (!box) throw new Error('drawDigit: the pad is not on screen');
  const scale = box.width / 28;
  const at = (column: number, row: number) => [box.x + (column + 0.5) * scale, box.y + (row + 0.5) * scale] as const;
  let strokes = 0;
  for (let row = 0; row < 28; row++) {
    let column = 0;
    while (column < 28) {
      if ((values[row * 28 + column] as number) < 0.5) {
        column++;
        continue;
      }
      const start = column;
      while (column < 28 && (values[row * 28 + column] as number) >= 0.5) column++;
      await page.mouse.move(...at(start, row));
      await page.mouse.down();
      await page.mouse.move(...at(column - 1, row), { steps: 2 });
      await page.mouse.up();
      strokes++;
    }
  }
  return strokes;
}

/** The ten probabilities the page shows once its predictions have caught up with the drawing. */
export async function readProbabilities(page: Page): Promise<number[]> {
  // A prediction starts with each stroke (marking the list busy) and catches up with the last one.
  await page.waitForSelector('#probabilities:not([data-busy])', { state: 'attached' });
  return page.$$eval('#probabilities li', (items) => items.map((item) => Number(item.dataset.probability)));
}
