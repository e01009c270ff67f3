// Test helper: CTC in plain JS float64, log space, written straight from Graves et al. (2006):
// alpha/beta over the extended label sequence, loss -ln p, gradient softmax - occupancy.
const logAdd = (a: number, b: number): number => {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const top = Math.max(a, b);
  return top + Math.log(Math.exp(a - top) + Math.exp(b - top));
};

/** One sequence: logits [T][C] (only the first `frames` are used), labels without blanks. */
export function ctcReference(
  logits: number[][],
  labels: number[],
  frames: number,
  blank: number,
): { loss: number; gradient: number[][] } {
  const classes = (logits[0] as number[]).length;
  const logProbs = logits.map((row) => {
    const top = Math.max(...row);
    const norm = top + Math.log(row.reduce((sum, z) => sum + Math.exp(z - top), 0));
    return row.map((z) => z - norm);
  });
  const extended = [blank];
  for (const label of labels) extended.push(label, blank);
  const states = extended.length;
  const canSkip = (s: number) => s >= 2 && extended[s] !== blank && extended[s] !== extended[s - 2];
  const alpha = Array.from({ length: frames }, () => new Array<number>(states).fill(-Infinity));
  const beta = Array.from({ length: frames }, () => new Array<number>(states).fill(-Infinity));
  const emit = (t: number, s: number) => (logProbs[t] as number[])[extended[s] as number] as number;
  for (let t = 0; t < frames; t++) {
    for (let s = 0; s < states; s++) {
      let sum: number;
      if (t === 0) sum = s <= 1 ? 0 : -Infinity;
      else {
        const previous = alpha[t - 1] as number[];
        sum = previous[s] as number;
        if (s >= 1) sum = logAdd(sum, previous[s - 1] as number);
        if (canSkip(s)) sum = logAdd(sum, previous[s - 2] as number);
      }
      (alpha[t] as number[])[s] = sum + emit(t, s);
    }
  }
  for (let t = frames - 1; t >= 0; t--) {
    for (let s = 0; s < states; s++) {
      let sum: number;
      if (t === frames - 1) sum = s >= states - 2 ? 0 : -Infinity;
      else {
        const next = beta[t + 1] as number[];
        sum = (next[s] as number) + emit(t + 1, s);
        if (s + 1 < states) sum = logAdd(sum, (next[s + 1] as number) + emit(t + 1, s + 1));
        if (s + 2 < states && canSkip(s + 2)) sum = logAdd(sum, (next[s + 2] as number) + emit(t + 1, s + 2));
      }
      (beta[t] as number[])[s] = sum;
    }
  }
  if (frames === 0)
    return { loss: labels.length === 0 ? 0 : Infinity, gradient: logits.map((row) => row.map(() => 0)) };
  const last = alpha[frames - 1] as number[];
  const logLikelihood =
    states >= 2 ? logAdd(last[states - 1] as number, last[states - 2] as number) : (last[0] as number);
  const gradient = logits.map((row, t) => {
    if (t >= frames) return row.map(() => 0);
    const occupancy = new Array<number>(classes).fill(0);
    for (let s = 0; s < states; s++) {
      const label = extended[s] as number;
      occupancy[label] =
        (occupancy[label] as number) + Math.exp((alpha[t] as number[])[s]! + (beta[t] as number[])[s]! - logLikelihood);
    }
    return row.map((_, c) => Math.exp((logProbs[t] as number[])[c] as number) - (occupancy[c] as number));
  });
  return { loss: -logLikelihood, gradient };
}
