import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';

type Listener = (layer: Layer, output: tf.Tensor) => void;

/** Per layer, everything listening to its training outputs: one observer serves several watches. */
const listeners = new WeakMap<Layer, Set<Listener>>();

function listen(layer: Layer, listener: Listener): void {
  let set = listeners.get(layer);
  if (set === undefined) {
    const all = new Set<Listener>();
    set = all;
    listeners.set(layer, all);
    layer.outputObserver = (outputs, training) => {
      const output = outputs[0];
      if (training && output !== undefined) for (const each of all) each(layer, output);
    };
  }
  set.add(listener);
}

function unlisten(layer: Layer, listener: Listener): void {
  const set = listeners.get(layer);
  set?.delete(listener);
  if (set?.size === 0) {
    listeners.delete(layer);
    layer.outputObserver = undefined;
  }
}

/**
 * Watches the outputs of ReLU layers during training forward passes (through Layer.outputObserver):
 * per layer a [units] vector, each unit's largest output over the step's examples (the last axis is
 * the unit axis: Dense units, Conv channels); a unit fired when it is > 0. `take()` hands the step's
 * maxima over and starts afresh; `stop()` removes the observers and frees what it holds. Observing
 * costs, per forward pass of a watched layer, one max over the batch on the device. Several watches
 * of one layer (two recorders on one model) share its observer.
 *
 * @example
 * const watch = new ReluWatch(layers, onError);
 * // ... a training step's forward pass ...
 * const maxima = watch.take(); // Map<layerName, Tensor1D>, the caller's to dispose
 * watch.stop();
 *
 * In plain words: a tally of which switches came on at least once.
 */
export class ReluWatch {
  private maxima = new Map<string, tf.Tensor1D>();
  private readonly listener: Listener;

  constructor(
    private readonly layers: readonly Layer[],
    onError: (error: unknown) => void,
  ) {
    this.listener = (layer, output) => {
      try {
        this.observe(layer.name, output);
      } catch (error) {
        onError(error);
      }
    };
    for (const layer of layers) listen(layer, this.listener);
  }

  private observe(layer: string, output: tf.Tensor): void {
    const units = output.shape.at(-1) ?? 1;
    const now = tf.max(tf.reshape(output, [-1, units]), 0) as tf.Tensor1D;
    const before = this.maxima.get(layer);
    this.maxima.set(layer, tf.keep(before ? tf.maximum(before, now) : now));
    before?.dispose();
  }

  /** The maxima of the forward passes since the last take (the caller owns them). */
  take(): Map<string, tf.Tensor1D> {
    const taken = this.maxima;
    this.maxima = new Map();
    return taken;
  }

  /** Removes the observers and frees the maxima not taken. */
  stop(): void {
    for (const layer of this.layers) unlisten(layer, this.listener);
    tf.dispose([...this.maxima.values()]);
    this.maxima.clear();
  }
}
