// From a drawing to what LeNet-5 was trained on. MNIST's digits were made by fitting each
// handwritten digit into a 20x20 box (keeping its aspect ratio) and placing that box in a 28x28
// frame so that its centre of mass sits in the middle; LeNet-5 then reads them padded to 32x32.
// A drawing on the page goes through the same steps, so a digit drawn small, large or off-centre
// looks to the model like the digits it learnt from.

/** A greyscale picture: `values` row-major in [0, 1] (1 = ink), `width` x `height`. */
export interface GreyImage {
  values: Float32Array;
  width: number;
  height: number;
}

/** Side of LeNet-5's input (28x28 MNIST plus 2 pixels on every side). */
export const lenetSide = 32;
const mnistSide = 28;
const boxSide = 20;
const inkThreshold = 0.1;

/**
 * The ink of an RGBA canvas image drawn in white on black: the mean of the colour channels, in [0, 1]
 * (alpha ignored). rgba: width * height * 4 bytes -> values: width * height.
 * @example inkOfRgba(context.getImageData(0, 0, 280, 280).data, 280, 280)
 * In plain words: how much white is in each pixel.
 */
export function inkOfRgba(rgba: Uint8ClampedArray, width: number, height: number): GreyImage {
  const values = new Float32Array(width * height);
  for (let i = 0; i < values.length; i++)
    values[i] = ((rgba[4 * i] as number) + (rgba[4 * i + 1] as number) + (rgba[4 * i + 2] as number)) / (3 * 255);
  return { values, width, height };
}

/** Rows and columns that hold ink (any value above 0.1), or undefined for an empty picture. */
function inkBox(image: GreyImage): { left: number; top: number; right: number; bottom: number } | undefined {
  let [left, top, right, bottom] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if ((image.values[y * image.width + x] as number) > inkThreshold) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
  return right < 0 ? undefined : { left, top, right, bottom };
}

/**
 * Scales the part `box` of `image` by `scale` into a new picture: each output pixel is the mean of
 * the source pixels whose centres fall in it (area averaging, so thin strokes do not vanish when a
 * 280-pixel drawing shrinks to 20), or the nearest source pixel when scaling up.
 */
function resample(image: GreyImage, box: { left: number; top: number; right: number; bottom: number }, scale: number) {
  const width = Math.max(1, Math.round((box.right - box.left + 1) * scale));
  const height = Math.max(1, Math.round((box.bottom - box.top + 1) * scale));
  const sums = new Float32Array(width * height);
  const counts = new Float32Array(width * height);
  for (let y = box.top; y <= box.bottom; y++)
    for (let x = box.left; x <= box.right; x++) {
      const ox = Math.min(width - 1, Math.floor((x - box.left + 0.5) * scale));
      const oy = Math.min(height - 1, Math.floor((y - box.top + 0.5) * scale));
      const o = oy * width + ox;
      sums[o] = (sums[o] as number) + (image.values[y * image.width + x] as number);
      counts[o] = (counts[o] as number) + 1;
    }
  const values = new Float32Array(width * height);
  for (let oy = 0; oy < height; oy++)
    for (let ox = 0; ox < width; ox++) {
      const o = oy * width + ox;
      if ((counts[o] as number) > 0) values[o] = (sums[o] as number) / (counts[o] as number);
      else {
        const x = Math.min(box.right, box.left + Math.floor((ox + 0.5) / scale));
        const y = Math.min(box.bottom, box.top + Math.floor((oy + 0.5) / scale));
        values[o] = image.values[y * image.width + x] as number;
      }
    }
  return { values, width, height };
}

/**
 * MNIST's framing of a drawing, padded for LeNet-5: the ink's bounding box scaled so its longer
 * side is 20 pixels, placed in a 28x28 frame with its centre of mass at the middle (clipped at the
 * edges), then 2 zero pixels on every side. Returns 32 * 32 values in [0, 1], row-major, or
 * undefined when the picture has no ink.
 *
 * @example
 * const input = mnistFraming(inkOfRgba(context.getImageData(0, 0, 280, 280).data, 280, 280));
 *
 * In plain words: shrink and centre the drawing the way the training digits were.
 */
export function mnistFraming(image: GreyImage): Float32Array | undefined {
  const box = inkBox(image);
  if (!box) return undefined;
  const scale = boxSide / Math.max(box.right - box.left + 1, box.bottom - box.top + 1);
  const digit = resample(image, box, scale);
  let [mass, sumX, sumY] = [0, 0, 0];
  for (let y = 0; y < digit.height; y++)
    for (let x = 0; x < digit.width; x++) {
      const v = digit.values[y * digit.width + x] as number;
      mass += v;
      sumX += v * (x + 0.5);
      sumY += v * (y + 0.5);
    }
  const padding = (lenetSide - mnistSide) / 2;
  const shiftX = Math.round(mnistSide / 2 - sumX / mass);
  const shiftY = Math.round(mnistSide / 2 - sumY / mass);
  const out = new Float32Array(lenetSide * lenetSide);
  for (let y = 0; y < digit.height; y++)
    for (let x = 0; x < digit.width; x++) {
      const [fx, fy] = [x + shiftX, y + shiftY];
      if (fx < 0 || fy < 0 || fx >= mnistSide || fy >= mnistSide) continue;
      out[(fy + padding) * lenetSide + fx + padding] = digit.values[y * digit.width + x] as number;
    }
  return out;
}
