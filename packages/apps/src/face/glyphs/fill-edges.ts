/** Adds `weight` times the covered length of [x0, x1) to each pixel of one image row. */
function addSpan(image: Float32Array, rowStart: number, size: number, x0: number, x1: number, weight: number): void {
  const from = Math.max(0, x0);
  const to = Math.min(size, x1);
  if (to <= from) return;
  const first = Math.floor(from);
  const last = Math.floor(to);
  if (first === last) {
    image[rowStart + first] = (image[rowStart + first] as number) + (to - from) * weight;
    return;
  }
  image[rowStart + first] = (image[rowStart + first] as number) + (first + 1 - from) * weight;
  for (let i = first + 1; i < last; i++) image[rowStart + i] = (image[rowStart + i] as number) + weight;
  if (last < size) image[rowStart + last] = (image[rowStart + last] as number) + (to - last) * weight;
}

/**
 * Fills the closed outline given by `edges` ([x0, y0, x1, y1] quadruples in pixels, y down) by the
 * non-zero winding rule into a size x size coverage image: `subsamples` scanlines per pixel row
 * (at y = row + (k + 0.5) / subsamples), each span's horizontal coverage exact. A pixel's value is
 * the covered fraction of its area, in [0, 1]; row-major Float32Array of size * size.
 *
 * @example
 * fillEdges(Float64Array.of(1, 1, 3, 1, 3, 1, 3, 3, 3, 3, 1, 3, 1, 3, 1, 1), 4); // a 2 x 2 square of ones
 *
 * In plain words: paint every pixel by how much of it lies inside the letter's outline.
 */
export function fillEdges(edges: Float64Array, size: number, subsamples = 4): Float32Array {
  const rows = size * subsamples;
  const firstRows = new Int32Array(edges.length / 4);
  const lastRows = new Int32Array(edges.length / 4);
  const starts = new Int32Array(rows + 1);
  for (let e = 0; e < edges.length / 4; e++) {
    const [y0, y1] = [edges[4 * e + 1] as number, edges[4 * e + 3] as number];
    // Half-open [top, bottom): a vertex shared by two edges is crossed once.
    const first = Math.max(0, Math.ceil(Math.min(y0, y1) * subsamples - 0.5));
    const last = Math.min(rows - 1, Math.ceil(Math.max(y0, y1) * subsamples - 0.5) - 1);
    firstRows[e] = first;
    lastRows[e] = last;
    for (let r = first; r <= last; r++) starts[r + 1] = (starts[r + 1] as number) + 1;
  }
  for (let r = 0; r < rows; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const xs = new Float64Array(starts[rows] as number);
  const directions = new Int8Array(xs.length);
  const filled = starts.slice(0, rows);
  for (let e = 0; e < edges.length / 4; e++) {
    const [x0, y0, x1, y1] = [edges[4 * e], edges[4 * e + 1], edges[4 * e + 2], edges[4 * e + 3]] as number[];
    const slope = ((x1 as number) - (x0 as number)) / ((y1 as number) - (y0 as number));
    for (let r = firstRows[e] as number; r <= (lastRows[e] as number); r++) {
      const at = filled[r] as number;
      xs[at] = (x0 as number) + ((r + 0.5) / subsamples - (y0 as number)) * slope;
      directions[at] = (y1 as number) > (y0 as number) ? 1 : -1;
      filled[r] = at + 1;
    }
  }
  const image = new Float32Array(size * size);
  const weight = 1 / subsamples;
  for (let r = 0; r < rows; r++) {
    const [begin, end] = [starts[r] as number, starts[r + 1] as number];
    for (let i = begin + 1; i < end; i++) {
      const [x, direction] = [xs[i] as number, directions[i] as number];
      let j = i - 1;
      for (; j >= begin && (xs[j] as number) > x; j--)
        [xs[j + 1], directions[j + 1]] = [xs[j] as number, directions[j] as number];
      [xs[j + 1], directions[j + 1]] = [x, direction];
    }
    const rowStart = Math.floor(r / subsamples) * size;
    let winding = 0;
    let spanStart = 0;
    for (let i = begin; i < end; i++) {
      const before = winding;
      winding += directions[i] as number;
      if (before === 0 && winding !== 0) spanStart = xs[i] as number;
      else if (before !== 0 && winding === 0) addSpan(image, rowStart, size, spanStart, xs[i] as number, weight);
    }
  }
  for (let i = 0; i < image.length; i++) image[i] = Math.min(1, image[i] as number);
  return image;
}
