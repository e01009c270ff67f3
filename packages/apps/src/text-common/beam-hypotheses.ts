/** One partial or complete output of a beam: tokens (no `<bos>`, `<eos>`), summed log-probability, weights. */
export interface Hypothesis {
  tokens: number[];
  logProbability: number;
  /** One attention row per generated token (the `<eos>` step included), when the step gives weights. */
  weights: Float32Array[];
  /** Whether it ended with `<eos>` (false: cut at maxLength). */
  finished: boolean;
}

/** A score below this marks an empty beam slot (the search writes -1e9 there). */
export const emptySlot = -1e8;

/**
 * GNMT's length penalty lp(n) = ((5 + n) / 6)^alpha (Wu et al. 2016); n counts the generated
 * tokens, `<eos>` included. alpha 0 gives 1 (plain summed log-probability).
 * In plain words: how much a longer answer is forgiven for its extra factors below one.
 */
export function lengthPenaltyOf(length: number, alpha: number): number {
  return alpha === 0 ? 1 : ((5 + length) / 6) ** alpha;
}

/** The score a hypothesis is ranked by: logProbability / lp(length). */
export function normalizedScore(hypothesis: Hypothesis, alpha: number): number {
  const length = hypothesis.tokens.length + (hypothesis.finished ? 1 : 0);
  return hypothesis.logProbability / lengthPenaltyOf(length, alpha);
}

/**
 * One batch row's beams: the `width` live hypotheses and the finished ones. `advance` takes the
 * step's best 2·width candidates (sorted, as top-k gives them): an `<eos>` among the first `width`
 * candidates finishes a hypothesis (fairseq's rule); the live slots are refilled with the best
 * candidates that do not end. The row is done once the best finished hypothesis cannot be beaten:
 * its score >= the best live logP / lp(maxLength) (logP only falls, lp only grows up to
 * maxLength), so stopping never changes the answer; with width 1 it is done at the first `<eos>`
 * (greedy decoding).
 * In plain words: the shortlist of partial answers for one input, and the answers already complete.
 */
export class BeamRow {
  live: Hypothesis[];
  readonly done: Hypothesis[] = [];

  constructor(
    readonly width: number,
    private readonly alpha: number,
    private readonly maxLength: number,
  ) {
    this.live = Array.from({ length: width }, (_, i) => ({
      tokens: [],
      logProbability: i === 0 ? 0 : -1e9,
      weights: [],
      finished: false,
    }));
  }

  get isDone(): boolean {
    if (this.done.length === 0) return false;
    if (this.width === 1) return true;
    const finished = Math.max(...this.done.map((h) => normalizedScore(h, this.alpha)));
    const live = Math.max(...this.live.map((h) => h.logProbability));
    return finished >= live / lengthPenaltyOf(this.maxLength, this.alpha);
  }

  /**
   * candidates: (beam, token, score) best first; weights: this step's attention row of each beam.
   * Returns the parent beam of each new live slot.
   */
  advance(
    candidates: readonly { beam: number; token: number; score: number }[],
    eosId: number,
    weights: (beam: number) => Float32Array | undefined,
  ): number[] {
    const live: Hypothesis[] = [];
    const parents: number[] = [];
    candidates.forEach(({ beam, token, score }, rank) => {
      if (score < emptySlot) return;
      const parent = this.live[beam] as Hypothesis;
      const row = weights(beam);
      const history = row === undefined ? parent.weights : [...parent.weights, row];
      if (token === eosId) {
        if (rank < this.width)
          this.done.push({ tokens: parent.tokens, logProbability: score, weights: history, finished: true });
      } else if (live.length < this.width) {
        live.push({ tokens: [...parent.tokens, token], logProbability: score, weights: history, finished: false });
        parents.push(beam);
      }
    });
    while (live.length < this.width) {
      live.push({ tokens: [], logProbability: -1e9, weights: [], finished: false });
      parents.push(0);
    }
    this.live = live;
    return parents;
  }

  /** The best by normalized score among the finished and (when cut at maxLength) the live hypotheses. */
  best(alpha: number, includeLive: boolean): Hypothesis {
    const pool = [...this.done, ...(includeLive ? this.live.filter((h) => h.logProbability > emptySlot) : [])];
    let best = pool[0] as Hypothesis;
    for (const h of pool) if (normalizedScore(h, alpha) > normalizedScore(best, alpha)) best = h;
    return best;
  }
}
