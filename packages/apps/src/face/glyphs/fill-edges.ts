/** Sample-row crossings of an outline: row r's are `xs[starts[r]..starts[r + 1])`, each with its edge's direction. */
interface Crossings {
  starts: Int32Array;
  xs: Float64Array;
  directions: Int8Array;
}

/**
 * Where each edge crosses each sample row y = (r + 0.5) / subsamples, rows 0..rows-1. An edge covers
 * the half-open span [top, bottom), so a vertex shared by two edges is crossed once. Two passes:
 * count per row, then place.
 */
function crossingsOf(edges: Float64Array, rows: number, subsamples: number): Crossings {
  const count = edges.length / 4;
  const firstRows = new Int32Array(count);
  const lastRows = new Int32Array(count);
  const starts = new Int32Array(rows + 1);
  for (let e = 0; e < count; e++) {
    const [y0, y1] = [edges[4 * e + 1] as number, edges[4 * e + 3] as number];
    const first = Math.max(0, Math.ceil(Math.min(y0, y1) * subsamples - 0.5));
    const last = Math.min(rows - 1, Math.ceil(Math.max(y0, y1) * subsamples - 0.5) - 1);
    [firstRows[e], lastRows[e]] = [first, last];
    for (let r = first; r <= last; r++) starts[r + 1] = (starts[r + 1] as number) + 1;
  }
  for (let r = 0; r < rows; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const xs = new Float64Array(starts[rows] as number);
  const directions = new Int8Array(xs.length);
  const next = starts.slice(0, rows);
  for (let e = 0; e < count; e++) {
    const [x0, y0] = [edges[4 * e] as number, edges[4 * e + 1] as number];
    const [x1, y1] = [edges[4 * e + 2] as number, edges[4 * e + 3] as number];
    const slope = (x1 - x0) / (y1 - y0);
    for (let r = firstRows[e] as number; r <= (lastRows[e] as number); r++) {
      const at = next[r] as number;
      xs[at] = x0 + ((r + 0.5) / subsamples - y0) * slope;
      directions[at] = y1 > y0 ? 1 : -1;
      next[r] = at + 1;
    }
  }
  return { starts, xs, directions };
}

/** Sorts xs[begin..end) ascending, carrying the directions along (insertion sort: rows hold few crossings). */
function sortRow({ xs, directions }: Crossings, begin: number, end: number): void {
  for (let i = begin + 1; i < end; i++) {
    const [x, direction] = [xs[i] as number, directions[i] as number];
    let j = i - 1;
    for (; j >= begin && (xs[j] as number) > x; j--) {
      xs[j + 1] = xs[j] as number;
      directions[j + 1] = directions[j] as number;
    }
    [xs[j + 1], directions[j + 1]] = [x, direction];
  }
}

/** Adds `weight` times the covered length of [x0, x1) to each pixel of one image row. */
function addSpan(image: Float32Array, rowStart: number, size: number, x0: number, x1: number, weight: number): void {
  const [from, to] = [Math.max(0, x0), Math.min(size, x1)];
  if (to <= from) return;
  const [first, last] = [Math.floor(from), Math.floor(to)];
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
 * (at y = row + (k + 0.5) / subsamples; default 4), each span's horizontal coverage exact. A pixel's
 * value is the covered fraction of its area, in [0, 1]; row-major Float32Array of size * size.
 *
 * @example
 * fillEdges(Float64Array.of(1, 1, 3, 1, 3, 1, 3, 3, 3, 3, 1, 3, 1, 3, 1, 1), 4); // a 2 x 2 square of ones
 *
 * In plain words: paint every pixel by how much of it lies inside the letter's outline.
 */
export function fillEdges(edges: Float64Array, size: number, subsamples = 4): Float32Array {
  const rows = size * subsamples;
  const crossings = crossingsOf(edges, rows, subsamples);
  const { starts, xs, directions } = crossings;
  const image = new Float32Array(size * size);
  for (let r = 0; r < rows; r++) {
    const [begin, end] = [starts[r] as number, starts[r + 1] as number];
    sortRow(crossings, begin, end);
    const rowStart = Math.floor(r / subsamples) * size;
    let winding = 0;
    let spanStart = 0;
    for (let i = begin; i < end; i++) {
      const before = winding;
      winding += directions[i] as number;
      if (before === 0 && winding !== 0) spanStart = xs[i] as number;
      else if (before !== 0 && winding === 0)
        addSpan(image, rowStart, size, spanStart, xs[i] as number, 1 / subsamples);
    }
  }
  for (let i = 0; i < image.length; i++) image[i] = Math.min(1, image[i] as number);
  return image;
}
