import * as tf from '@tensorflow/tfjs-core';
import { customGradient } from './custom-gradient.js';

/** Log of "impossible": finite, so that lattice arithmetic never meets inf - inf = NaN. */
export const ctcImpossible = -1e30;
/** A log-likelihood below this marks a target that no alignment can produce. */
const infeasibleBelow = -1e29;

/** The constant tensors of one batch's extended label lattice (L = 2S + 1 states per sequence). */
export interface CtcLattice {
  /** One-hot of the extended labels (blank, l1, blank, l2, ..., blank): [N, L, C] float32. */
  extendedOneHot: tf.Tensor;
  /**
   * 0 where state s >= 2 may be entered from s - 2 (a label that differs from the label two back),
   * else impossible: [N, L].
   */
  skipPenalty: tf.Tensor;
  /** 0 at each sequence's two final states (last label, last blank), else impossible: [N, L]. */
  finalPenalty: tf.Tensor;
  /** 1 where frame t < inputLengths[n]: [T, N, 1] float32. */
  active: tf.Tensor;
  /** The per-sequence loss reported for an infeasible target (Infinity or 0). */
  infeasibleValue: number;
  /** true: the input holds logits (log-softmax inside); false: it holds log-probabilities. */
  fromLogits: boolean;
}

/**
 * Gather indices for a step through the lattice: for each state s, the three states it combines,
 * [s, s + d, s + 2d] (d = -1 forward in time, +1 backward), clamped into range; the penalties added
 * after the gather make the clamped (out-of-range) and forbidden entries impossible.
 */
function stepIndices(states: number, direction: 1 | -1): tf.Tensor {
  const clamp = (s: number) => Math.min(states - 1, Math.max(0, s));
  return tf.tensor1d(
    Array.from({ length: states }, (_, s) => [s, clamp(s + direction), clamp(s + 2 * direction)]).flat(),
    'int32',
  );
}

/** Penalties [N, 3L] matching stepIndices: 0 or impossible for staying, moving one, and skipping. */
function stepPenalties(skip: tf.Tensor, direction: 1 | -1): tf.Tensor {
  const [n, l] = skip.shape as [number, number];
  const edge = direction === -1 ? 0 : l - 1;
  const moveOne = tf.broadcastTo(tf.tensor1d(Array.from({ length: l }, (_, s) => (s === edge ? ctcImpossible : 0))), [
    n,
    l,
  ]);
  // Forward, s - 2 -> s is allowed where skip[s] is 0; backward, s -> s + 2 where skip[s + 2] is 0.
  const skipStep =
    direction === -1 ? skip : tf.concat([tf.slice(skip, [0, 2], [n, l - 2]), tf.fill([n, 2], ctcImpossible)], 1);
  return tf.reshape(tf.stack([tf.zerosLike(skip), moveOne, skipStep], 2), [n, 3 * l]);
}

/** log(e^x[s] + e^x[s+d] + e^x[s+2d]) per state, stable: one gather and reductions over the last axis. */
function logSumExpOfStep(x: tf.Tensor, indices: tf.Tensor, penalties: tf.Tensor): tf.Tensor {
  const [n, l] = x.shape as [number, number];
  const candidates = tf.reshape(tf.add(tf.gather(x, indices, 1), penalties), [n, l, 3]);
  const top = tf.max(candidates, -1, true);
  return tf.reshape(tf.add(top, tf.log(tf.sum(tf.exp(tf.sub(candidates, top)), -1, true))), [n, l]);
}

/**
 * Per-sequence CTC negative log-likelihood of batch-major scores [N, T, C] -> [N], as a tf.customGrad:
 * - padding: frames t >= T_n are replaced by 0 before any arithmetic, so whatever they hold (NaN,
 *   +-Infinity) never reaches the value or the gradient (0 * NaN would be NaN);
 * - ln y = logSoftmax(z) with fromLogits, else the input itself; -Infinity (probability 0) is raised
 *   to the finite "impossible" before the one-hot matMul, where -Infinity * 0 would be NaN;
 * - forward: the alpha recursion over time in log space, one small batch of tf ops per frame
 *   (alpha_t(s) = lse(alpha_{t-1}(s), alpha_{t-1}(s-1), alpha_{t-1}(s-2) if allowed) + ln y_t(l'_s)),
 *   frozen past each input length;
 * - backward: the beta recursion the same way, then the exact gradient with
 *   occupancy_t(c) = sum_{s: l'_s = c} exp(alpha_t(s) + beta_t(s) - ln p_n):
 *   dL_n/dz_t = softmax(z_t) - occupancy_t (fromLogits), dL_n/d(ln y_t) = -occupancy_t (log-probabilities),
 *   exactly +0 past the input length, and 0 for infeasible sequences.
 * Log space with a finite "impossible" keeps T = 500 free of underflow and of NaN.
 */
export function ctcNegativeLogLikelihood(logits: tf.Tensor, lattice: CtcLattice): tf.Tensor {
  const { extendedOneHot, skipPenalty, finalPenalty, active, infeasibleValue, fromLogits } = lattice;
  const frames = logits.shape[1] as number;
  const states = skipPenalty.shape[1] as number;
  const forwardIndices = stepIndices(states, -1);
  const forwardPenalties = stepPenalties(skipPenalty, -1);
  const backwardIndices = stepIndices(states, 1);
  const backwardPenalties = stepPenalties(skipPenalty, 1);
  const run = customGradient<[tf.Tensor]>(([input], save) => {
    const inside = tf.cast(tf.broadcastTo(tf.transpose(active, [1, 0, 2]), input.shape), 'bool'); // [N, T, C]
    const clean = tf.where(inside, input, tf.zerosLike(input));
    const logProbs = fromLogits ? tf.logSoftmax(clean) : clean;
    const finiteLogProbs = tf.maximum(logProbs, ctcImpossible);
    const emissions = tf.transpose(tf.matMul(finiteLogProbs, extendedOneHot, false, true), [1, 0, 2]); // [T, N, L]
    const emissionSteps = tf.unstack(emissions);
    const activeSteps = tf.unstack(tf.cast(active, 'bool'));
    const [n, l] = skipPenalty.shape as [number, number];
    let alpha = tf.concat([tf.zeros([n, 1]), tf.fill([n, l - 1], ctcImpossible)], 1);
    const alphas: tf.Tensor[] = [];
    for (let t = 0; t < frames; t++) {
      const previous = alpha;
      alpha = tf.tidy(() => {
        const candidate = tf.add(
          logSumExpOfStep(previous, forwardIndices, forwardPenalties),
          emissionSteps[t] as tf.Tensor,
        );
        return tf.where(activeSteps[t] as tf.Tensor, candidate, previous);
      });
      alphas.push(alpha);
    }
    const logLikelihood = tf.logSumExp(tf.add(alpha, finalPenalty), 1); // [N]
    const feasible = tf.greater(logLikelihood, infeasibleBelow);
    const value = tf.where(feasible, tf.neg(logLikelihood), tf.fill(logLikelihood.shape, infeasibleValue));
    // With log-probabilities as input the gradient has no softmax term: save zeros in its place.
    save([
      fromLogits ? tf.exp(logProbs) : tf.zerosLike(logProbs),
      inside,
      emissions,
      tf.stack(alphas),
      logLikelihood,
      extendedOneHot,
      backwardIndices,
      backwardPenalties,
      finalPenalty,
      active,
    ]);
    return { value, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [ctcGradient(dy, saved)] };
  });
  return run(logits);
}

function ctcGradient(dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor {
  const [
    probabilities,
    inside,
    emissions,
    alphas,
    logLikelihood,
    extendedOneHot,
    backwardIndices,
    backwardPenalties,
    finalPenalty,
    active,
  ] = saved as [
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
  ];
  const frames = emissions.shape[0] as number;
  const emissionSteps = tf.unstack(emissions);
  const activeSteps = tf.unstack(tf.cast(active, 'bool'));
  const betas: tf.Tensor[] = new Array<tf.Tensor>(frames);
  let beta = finalPenalty;
  betas[frames - 1] = beta;
  for (let t = frames - 2; t >= 0; t--) {
    const next = beta;
    beta = tf.tidy(() => {
      const ahead = tf.add(next, emissionSteps[t + 1] as tf.Tensor);
      const candidate = logSumExpOfStep(ahead, backwardIndices, backwardPenalties);
      return tf.where(activeSteps[t + 1] as tf.Tensor, candidate, next);
    });
    betas[t] = beta;
  }
  const logOccupancy = tf.minimum(tf.sub(tf.add(alphas, tf.stack(betas)), tf.reshape(logLikelihood, [1, -1, 1])), 0);
  const occupancy = tf.transpose(tf.mul(tf.exp(logOccupancy), active), [1, 0, 2]); // [N, T, L]
  const perClass = tf.matMul(occupancy, extendedOneHot); // [N, T, C]
  const feasible = tf.cast(tf.greater(logLikelihood, infeasibleBelow), 'float32');
  const scale = tf.reshape(tf.mul(dy, feasible), [-1, 1, 1]);
  const gradient = tf.mul(tf.sub(probabilities, perClass), scale);
  // where, not a multiplication by 0: padding gets +0 exactly, whatever the sign of dy.
  return tf.where(inside, gradient, tf.zerosLike(gradient));
}
