import * as tf from '@tensorflow/tfjs-core';
import type { LayerWeight } from '../layers/layer-weight.js';
import type { StepTensors } from '../training/step-tensors.js';
import { sumTensors } from '../training/sum-tensors.js';

/** Where each figure sits in the tensor {@link IntervalAccumulator.close} returns (read in one go). */
export interface IntervalLayout {
  epoch: number;
  step: number;
  steps: number;
  /** The watched layers, in the order of the per-layer weight figures. */
  layers: readonly string[];
  /** Per gradient column of a step's row: the name of the layer whose weight it is. */
  columns: readonly string[];
  /** The ReLU layers whose units were observed, in the order of the dead-unit fractions. */
  reluLayers: readonly string[];
  /** Class count of the first output, 0 when it is not a classifier's. */
  classes: number;
}

/**
 * The device-side figures of one interval of training steps, as a few small tensors: per step one
 * row [loss, each raw gradient's sum of squares] (norms are taken on the host after the read); class
 * counts of predictions and labels (first output); per ReLU layer each unit's largest output over the
 * interval's examples (a unit fired when it is > 0); a copy of the watched weights as they were at
 * the interval's start. `close` puts everything in one 1-D tensor, so the whole interval is one
 * device read. Few kernels per step: what a step costs on top of training is mostly their launches.
 * Memory: the copy of the watched weights (once their size) plus `every` x (1 + weights) numbers.
 *
 * @example
 * const interval = new IntervalAccumulator(weightsByLayer);
 * interval.addStep(stepTensors, epoch, step);
 * interval.addUnitMaxima(reluWatch.take());
 * const { values, layout } = interval.close(); // one tensor to read; interval.dispose() after
 *
 * In plain words: a tally kept on the device, emptied once per interval.
 */
export class IntervalAccumulator {
  steps = 0;
  private epoch = 0;
  private step = 0;
  private rows: tf.Tensor2D | undefined;
  private classCounts: tf.Tensor2D | undefined;
  private readonly maxima = new Map<string, tf.Tensor1D>();
  private columns: string[] = [];
  private readonly start: Map<string, tf.Tensor[]>;

  constructor(private readonly weightsByLayer: ReadonlyMap<string, readonly LayerWeight[]>) {
    this.start = new Map([...weightsByLayer].map(([name, ws]) => [name, ws.map((w) => tf.clone(w.variable))]));
  }

  /** Adds one step's loss, the sums of squares of its raw gradients and its class counts (on the device). */
  addStep(tensors: StepTensors, epoch: number, step: number): void {
    const columns = tensors.gradients.map((g) => g.weight.layer.name);
    if (this.steps > 0 && columns.join('\n') !== this.columns.join('\n'))
      throw new Error(`expected the same weights with gradients at every step, got [${columns.join(', ')}]`);
    this.columns = columns;
    this.epoch = epoch;
    this.step = step;
    this.steps++;
    const previous = [this.rows, this.classCounts];
    [this.rows, this.classCounts] = tf.tidy(() => {
      const squares = tensors.gradients.map((g) => tf.sum(tf.square(g.gradient)));
      const row = tf.reshape(tf.stack([tf.reshape(tensors.loss, []), ...squares]), [1, -1]);
      const counts = classCounts(tensors.predictions[0], tensors.labels[0]);
      return [
        this.rows ? tf.concat([this.rows, row]) : row,
        this.classCounts && counts ? tf.add(this.classCounts, counts) : counts,
      ] as [tf.Tensor2D, tf.Tensor2D | undefined];
    });
    tf.dispose(previous.filter((t) => t !== undefined));
  }

  /** Takes in a step's largest output per unit of each ReLU layer (see ReluWatch); frees them. */
  addUnitMaxima(maxima: ReadonlyMap<string, tf.Tensor1D>): void {
    for (const [layer, now] of maxima) {
      const before = this.maxima.get(layer);
      this.maxima.set(layer, before ? tf.tidy(() => tf.maximum(before, now)) : now);
      if (before) tf.dispose([before, now]);
    }
  }

  /**
   * Everything in one 1-D tensor: the step rows, the class counts [2, K], each ReLU layer's dead
   * fraction, then per watched layer the weight norm at the end, at the start, and of the change.
   */
  close(): { values: tf.Tensor1D; layout: IntervalLayout } {
    const reluLayers = [...this.maxima.keys()];
    const values = tf.tidy(() => {
      const norm = (ts: readonly tf.Tensor[]) => tf.sqrt(sumTensors(ts.map((t) => tf.sum(tf.square(t)))));
      const ends: tf.Tensor[] = [];
      const starts: tf.Tensor[] = [];
      const changes: tf.Tensor[] = [];
      for (const [name, ws] of this.weightsByLayer) {
        const before = this.start.get(name) ?? [];
        ends.push(norm(ws.map((w) => w.variable)));
        starts.push(norm(before));
        changes.push(norm(ws.map((w, i) => tf.sub(w.variable, before[i] as tf.Tensor))));
      }
      const dead = reluLayers.map((name) =>
        tf.mean(tf.cast(tf.lessEqual(this.maxima.get(name) as tf.Tensor, 0), 'float32')),
      );
      const parts = [
        tf.reshape(this.rows ?? tf.zeros([0]), [-1]),
        tf.reshape(this.classCounts ?? tf.zeros([0]), [-1]),
        ...[...dead, ...ends, ...starts, ...changes].map((t) => tf.reshape(t, [1])),
      ];
      return tf.concat(parts) as tf.Tensor1D;
    });
    const classes = this.classCounts?.shape[1] ?? 0;
    const layers = [...this.weightsByLayer.keys()];
    const layout = { epoch: this.epoch, step: this.step, steps: this.steps, layers, columns: this.columns };
    return { values, layout: { ...layout, reluLayers, classes } };
  }

  /** Frees every tensor it holds. */
  dispose(): void {
    tf.dispose([...this.maxima.values(), ...[...this.start.values()].flat()]);
    tf.dispose([this.rows, this.classCounts].filter((t) => t !== undefined));
    this.maxima.clear();
    this.start.clear();
    this.rows = undefined;
    this.classCounts = undefined;
  }
}

/**
 * [2, K] counts of the predicted classes (argmax) and of the labels (one-hot rows or class indices)
 * when the output is a classifier's (last axis K > 1); undefined otherwise.
 */
function classCounts(predictions: tf.Tensor | undefined, labels: tf.Tensor | undefined): tf.Tensor2D | undefined {
  if (predictions === undefined || labels === undefined || predictions.rank < 2) return undefined;
  const k = predictions.shape.at(-1) as number;
  if (k < 2) return undefined;
  const predicted = tf.argMax(tf.reshape(predictions, [-1, k]), 1);
  const sameShape = labels.shape.length === predictions.shape.length && labels.shape.at(-1) === k;
  const given = sameShape ? tf.argMax(tf.reshape(labels, [-1, k]), 1) : tf.cast(tf.reshape(labels, [-1]), 'int32');
  if (given.shape[0] !== predicted.shape[0]) return undefined;
  const counts = tf.stack([tf.sum(tf.oneHot(predicted, k), 0), tf.sum(tf.oneHot(given, k), 0)]);
  return tf.cast(counts, 'float32') as tf.Tensor2D;
}
