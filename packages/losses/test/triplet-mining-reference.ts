// Test helper: plain-JS (float64) batch-hard and semi-hard triplet losses, written from the papers'
// definitions loop by loop, as an oracle for the tensor versions.
type Distance = 'squared' | 'euclidean';

function distance(a: number[], b: number[], kind: Distance): number {
  const squared = a.reduce((sum, x, i) => sum + (x - (b[i] as number)) ** 2, 0);
  return kind === 'squared' ? squared : Math.sqrt(Math.max(squared, 1e-12));
}

/** Mean over anchors with a positive and a negative of max(0, max d(a,p) - min d(a,n) + margin). */
export function batchHardReference(embeddings: number[][], labels: number[], margin: number, kind: Distance): number {
  let total = 0;
  let count = 0;
  embeddings.forEach((anchor, a) => {
    let hardestPositive = -Infinity;
    let hardestNegative = Infinity;
    embeddings.forEach((other, j) => {
      if (j === a) return;
      const d = distance(anchor, other, kind);
      if (labels[j] === labels[a]) hardestPositive = Math.max(hardestPositive, d);
      else hardestNegative = Math.min(hardestNegative, d);
    });
    if (hardestPositive === -Infinity || hardestNegative === Infinity) return;
    total += Math.max(0, hardestPositive - hardestNegative + margin);
    count++;
  });
  return count === 0 ? 0 : total / count;
}

/** TF Addons' semi-hard rule: per (a, p), the nearest negative farther than p, else the farthest negative. */
export function semiHardReference(embeddings: number[][], labels: number[], margin: number, kind: Distance): number {
  let total = 0;
  let count = 0;
  embeddings.forEach((anchor, a) => {
    const negatives = embeddings
      .map((other, j) => ({ j, d: distance(anchor, other, kind) }))
      .filter(({ j }) => labels[j] !== labels[a]);
    if (negatives.length === 0) return;
    embeddings.forEach((positive, p) => {
      if (p === a || labels[p] !== labels[a]) return;
      const dap = distance(anchor, positive, kind);
      const farther = negatives.filter(({ d }) => d > dap);
      const dan =
        farther.length > 0 ? Math.min(...farther.map(({ d }) => d)) : Math.max(...negatives.map(({ d }) => d));
      total += Math.max(0, dap - dan + margin);
      count++;
    });
  });
  return count === 0 ? 0 : total / count;
}
