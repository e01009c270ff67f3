/**
 * # How a package defines a new layer
 *
 * A layer is a class that extends {@link Layer}, registered by type name so saved models can
 * name it. Four things to write, one to call:
 *
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { Layer, registerLayerType, type LayerOptions, type CallContext } from '@baihua/core';
 *
 * export interface ScaleOptions extends LayerOptions { initialScale?: number } // documented defaults
 *
 * export class Scale extends Layer {
 *   readonly initialScale: number;
 *   constructor(options: ScaleOptions = {}) {
 *     super(options, 'Scale', ['initialScale']);     // type name = class name; option keys of its own
 *     this.initialScale = options.initialScale ?? 1; // validate options here, synchronously
 *   }
 *   protected override build(inputShape: number[]): void {          // once, on the first apply
 *     this.addWeight('scale', [inputShape.at(-1)!], { initializer: { name: 'constant', value: this.initialScale } });
 *   }
 *   protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {  // inside tf.tidy
 *     return tf.mul(x, this.weight('scale').read());
 *   }
 *   override getConfig() { return { ...super.getConfig(), initialScale: this.initialScale }; }
 * }
 * registerLayerType('Scale', (config) => new Scale(config as ScaleOptions));
 * ```
 *
 * - The type name is the class name, without a package prefix (`Conv2D`, `LSTM`): unique across
 *   packages (`registerLayerType` refuses a name another factory holds). The automatic layer
 *   names are its snake case plus a counter (`conv2d_1`, `l2_pool2d_1`), as Keras writes them.
 * - The third argument of `super` lists the option keys the layer adds to {@link LayerOptions}:
 *   any other key is refused with a suggestion (`Scale: unknown key 'initalScale' in options
 *   (did you mean 'initialScale'? ...)`). A layer that passes none accepts any key.
 * - `build(inputShape)` gets the full input shape, batch first, and creates weights with
 *   `addWeight(name, shape, { initializer, trainable, regularize })`; initial values come from
 *   the layer's seed (JavaScript, not tf.random), so they are the same on every backend.
 * - `call(x, context)` runs inside `tf.tidy`; `context.training` says train or inference mode.
 *   Non-trainable state (running statistics) is updated with `weight.assign(value)` in training mode.
 * - A layer that holds other layers returns them from `children()`, so weights, `trainable`,
 *   seeds, `dispose()` and serialisation reach them, and may name each after a key with
 *   `this.nameChild(child, 'conv')` (`block/conv`, weights `block/conv/kernel`).
 * - `getConfig()` returns plain JSON (numbers, strings, arrays, objects): the factory given to
 *   `registerLayerType` must rebuild an equal, unbuilt layer from it.
 * - Check options in the constructor and inputs in `call` with core's assert helpers.
 * - After build, `apply` refuses inputs whose non-batch dimensions differ from the first input's.
 *   A layer that accepts more (any rank, any image size) overrides `checkInputShape(shape)`
 *   (see Dense: only the last axis must match).
 * - Pass `regularize: true` to `addWeight` for kernels that `fit`'s L2 weight decay should shrink.
 *
 * In plain words: a layer is a small machine with knobs (weights); it sets up its knobs the first
 * time it sees data, and afterwards just turns inputs into outputs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertTensor, describeShape } from '../checks/tensor-checks.js';
import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { createRandom, type SeededRandom } from '../random/seeded-random.js';
import { resolveInitializer, type InitializerSpec } from '../initializers/index.js';
import { LayerWeight } from './layer-weight.js';
import { nextDefaultSeed, uniqueLayerName } from './layer-naming.js';
import { summary } from './summary.js';
import { spendParameters } from './parameter-budget.js';

/** Options every layer takes. */
export interface LayerOptions {
  /** Name shown in summaries and weight names. Default: type name plus a counter (`dense_1`). */
  name?: string;
  /** When false, `fit` leaves this layer's weights alone (frozen). Default true. */
  trainable?: boolean;
  /**
   * Seed of the initial weights (and of dropout masks). Default: from the enclosing model's seed,
   * else a process-wide sequence.
   */
  seed?: number;
}

/** The keys of {@link LayerOptions}, which every layer accepts. */
export const layerOptionKeys: readonly string[] = ['name', 'trainable', 'seed'];

/** What `call` is told besides the input. */
export interface CallContext {
  /** Training mode: dropout drops, batch norm uses and updates batch statistics. Default false. */
  training: boolean;
}

/** Options of {@link Layer.addWeight}. */
export interface AddWeightOptions {
  /** How initial values are made. Default 'zeros'. */
  initializer?: InitializerSpec;
  /** Updated by the optimiser. Default true; running statistics pass false. */
  trainable?: boolean;
  /** Subject to L2 weight decay in `fit` (kernels yes, biases and norm parameters no). Default false. */
  regularize?: boolean;
}

/** A layer's serialisable description: its type plus JSON options. */
export interface LayerConfig {
  type: string;
  [key: string]: unknown;
}

/**
 * Base class of every layer: named weights (tf.Variable), a lazy `build` on the first input shape,
 * and `apply(x, { training })` with plain tf.Tensors in and out. See the top of this file for how
 * to write one.
 *
 * @example
 * const dense = new Dense({ units: 4, activation: 'relu', seed: 1 });
 * const y = dense.apply(tf.ones([2, 3]));   // builds a [3,4] kernel, then y: [2,4]
 *
 * In plain words: a box of knobs that turns inputs into outputs.
 */
export abstract class Layer {
  /** The registered type name (`Dense`), used by serialisation. */
  readonly typeName: string;
  private readonly givenName: string;
  /** True when the name came from the counter (`dense_1`), false when the options gave one. */
  private readonly autoNamed: boolean;
  /** The container that named this layer after one of its keys (see {@link Layer.nameChild}). */
  private namedBy: { parent: Layer; key: string } | undefined;
  /** Seed of the initial weights; fixed at build time when left undefined. */
  seed: number | undefined;
  private trainableFlag: boolean;
  private built = false;
  private readonly ownWeights: LayerWeight[] = [];
  private random: SeededRandom | undefined;
  /** The input shape seen at build, batch size replaced by null. */
  inputShape: (number | null)[] | undefined;
  /** The output shape of the last call, batch size replaced by null (for summaries). */
  outputShape: (number | null)[] | undefined;

  /**
   * @param options the layer's options.
   * @param typeName the registered type name, the class name (`Dense`).
   * @param optionKeys the keys the layer adds to {@link LayerOptions}; when given, any other key
   *   is refused, suggesting the closest known one. Default: no check.
   */
  constructor(options: LayerOptions, typeName: string, optionKeys?: readonly string[]) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new ArgumentError(
        typeName,
        `expected an options object, got ` +
          `${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
      );
    }
    if (optionKeys !== undefined) assertKnownOptions(typeName, 'options', options, [...layerOptionKeys, ...optionKeys]);
    if (options.name !== undefined && (typeof options.name !== 'string' || options.name.length === 0)) {
      throw new ArgumentError(typeName, `expected name to be a non-empty string, got ${JSON.stringify(options.name)}`);
    }
    if (options.seed !== undefined && !Number.isInteger(options.seed)) {
      throw new ArgumentError(typeName, `expected seed to be an integer, got ${String(options.seed)}`);
    }
    this.typeName = typeName;
    this.givenName = options.name ?? uniqueLayerName(typeName);
    this.autoNamed = options.name === undefined;
    this.trainableFlag = options.trainable ?? true;
    this.seed = options.seed;
  }

  /**
   * Name shown in summaries and weight paths (`dense_1/kernel`): the one given in the options,
   * else `parent/key` when a container named it after its key (`block/conv`), else the type
   * name's snake case with a counter (`dense_1`).
   */
  get name(): string {
    return this.namedBy && this.autoNamed ? `${this.namedBy.parent.name}/${this.namedBy.key}` : this.givenName;
  }

  /**
   * For containers: names `child` after this layer and `key` (`block/conv`), following later
   * renames of this layer. A child given a name of its own keeps it; a child already named by a
   * container keeps the first container's name.
   */
  protected nameChild(child: Layer, key: string): void {
    if (child.namedBy !== undefined) return;
    for (let layer: Layer | undefined = this; layer; layer = layer.namedBy?.parent) if (layer === child) return;
    child.namedBy = { parent: this, key };
  }

  /** Whether `fit` updates this layer's weights. Setting it applies to every child layer too. */
  get trainable(): boolean {
    return this.trainableFlag;
  }
  set trainable(value: boolean) {
    this.trainableFlag = value;
    for (const child of this.children()) child.trainable = value;
  }

  get isBuilt(): boolean {
    return this.built;
  }

  /**
   * Runs the layer: builds it on the first call, then `call(x, { training })` inside tf.tidy.
   * x: a tf.Tensor whose first axis is the batch. Returns a new tensor the caller owns.
   */
  apply(x: tf.Tensor, options: { training?: boolean } = {}): tf.Tensor {
    assertTensor(`${this.typeName}.apply`, 'x', x);
    assertKnownOptions(`${this.typeName}.apply`, 'options', options, ['training']);
    if (x.rank < 1)
      throw new ShapeError(`${this.typeName}.apply`, `expected x of rank >= 1 (batch first), got rank 0 (shape [])`);
    this.ensureBuilt(x.shape);
    const context: CallContext = { training: options.training ?? false };
    const y = tf.tidy(() => this.call(x, context));
    this.outputShape = [null, ...y.shape.slice(1)];
    return y;
  }

  /** Builds the layer for this input shape (batch first) if it is not built yet. */
  ensureBuilt(inputShape: readonly number[]): void {
    if (this.built) {
      this.checkInputShape(inputShape);
      return;
    }
    if (inputShape.some((s) => !Number.isInteger(s) || s < 0)) {
      throw new ShapeError(
        `${this.typeName}.build`,
        `expected a shape of non-negative integers, got ${describeShape(inputShape)}`,
      );
    }
    this.seed ??= nextDefaultSeed();
    this.random = createRandom(this.seed);
    try {
      this.build([...inputShape]);
      // Containers build their children by running once on zeros (batch of 1, inference mode).
      if (this.children().some((child) => !child.isBuilt)) {
        tf.tidy(() => {
          this.call(tf.zeros([1, ...inputShape.slice(1)]), { training: false });
        });
      }
    } catch (error) {
      this.dispose();
      throw error;
    }
    this.inputShape = [null, ...inputShape.slice(1)];
    this.built = true;
  }

  /** Creates the layer's weights for this input shape (batch first). Default: no weights. */
  protected build(_inputShape: number[]): void {}

  /** The forward computation, inside tf.tidy. */
  protected abstract call(x: tf.Tensor, context: CallContext): tf.Tensor;

  /** Rejects an input whose non-batch dimensions differ from those seen at build. */
  protected checkInputShape(inputShape: readonly number[]): void {
    const expected = this.inputShape;
    if (!expected) return;
    const same = expected.length === inputShape.length && expected.every((s, i) => s === null || s === inputShape[i]);
    if (!same) {
      const pattern = `[${expected.map((s) => (s === null ? '*' : String(s))).join(',')}]`;
      throw new ShapeError(
        `${this.typeName}.apply`,
        `layer '${this.name}' was built for input shape ${pattern}, got ${describeShape(inputShape)}`,
      );
    }
  }

  /** Creates a named weight during `build`. Initial values come from this layer's seeded generator. */
  protected addWeight(name: string, shape: number[], options: AddWeightOptions = {}): LayerWeight {
    assertKnownOptions(`${this.typeName}.addWeight`, 'options', options, ['initializer', 'trainable', 'regularize']);
    if (this.ownWeights.some((w) => w.name === name))
      throw new ArgumentError(`${this.typeName}.addWeight`, `weight '${name}' exists already`);
    if (!shape.every((s) => Number.isInteger(s) && s >= 0))
      throw new ShapeError(
        `${this.typeName}.addWeight`,
        `expected weight '${name}' shape of non-negative integers, got ${describeShape(shape)}`,
      );
    spendParameters(
      shape.reduce((n, s) => n * s, 1),
      `${this.name}/${name}`,
    );
    const init = resolveInitializer(options.initializer ?? 'zeros');
    const values = init(shape, this.random ?? createRandom(this.seed ?? 0));
    const initial = tf.tensor(values, shape, 'float32');
    const variable = tf.variable(initial, options.trainable ?? true);
    initial.dispose(); // the variable holds its own reference to the data
    const weight = new LayerWeight(this, name, variable, {
      trainable: options.trainable ?? true,
      regularize: options.regularize ?? false,
    });
    this.ownWeights.push(weight);
    return weight;
  }

  /** The seeded generator of this layer (built layers only): dropout masks and the like. */
  protected randomSource(): SeededRandom {
    this.random ??= createRandom(this.seed ?? nextDefaultSeed());
    return this.random;
  }

  /** One of this layer's own weights by name. */
  weight(name: string): LayerWeight {
    const found = this.ownWeights.find((w) => w.name === name);
    if (!found)
      throw new ArgumentError(
        `${this.typeName}.weight`,
        `layer '${this.name}' has no weight '${name}' (has: ` +
          `${this.ownWeights.map((w) => w.name).join(', ') || 'none'})`,
      );
    return found;
  }

  /** Layers held inside this one (Sequential's list, Residual's body). Default none. */
  children(): Layer[] {
    return [];
  }

  /** Every weight of this layer and its children, in a fixed order (own first, then children). */
  weights(): LayerWeight[] {
    return [...this.ownWeights, ...this.children().flatMap((c) => c.weights())];
  }

  /** The weights `fit` updates: trainable weights of trainable layers. */
  trainableWeights(): LayerWeight[] {
    return this.weights().filter((w) => w.trainable && w.layer.trainable);
  }

  /** The other weights: running statistics and the weights of frozen layers. */
  nonTrainableWeights(): LayerWeight[] {
    return this.weights().filter((w) => !(w.trainable && w.layer.trainable));
  }

  /** Copies of every weight's value, in `weights()` order; the caller disposes them. */
  getWeights(): tf.Tensor[] {
    return this.weights().map((w) => tf.clone(w.variable));
  }

  /** Sets every weight, in `weights()` order; shapes must match. Checks all before changing any. */
  setWeights(values: readonly tf.Tensor[]): void {
    const weights = this.weights();
    if (values.length !== weights.length) {
      throw new ArgumentError(
        `${this.typeName}.setWeights`,
        `expected ${weights.length} tensors (one per weight), got ${values.length}`,
      );
    }
    weights.forEach((w, i) => {
      const v = values[i] as tf.Tensor;
      assertTensor(`${this.typeName}.setWeights`, `values[${i}]`, v);
      if (v.rank !== w.variable.rank || v.shape.some((s, k) => s !== w.variable.shape[k])) {
        throw new ShapeError(
          `${this.typeName}.setWeights`,
          `expected values[${i}] ('${w.path}') of shape ${describeShape(w.variable.shape)}, got ` +
            `${describeShape(v.shape)}`,
        );
      }
    });
    weights.forEach((w, i) => w.assign(values[i] as tf.Tensor));
  }

  /** The number of scalar parameters in every weight (trainable or not). */
  countParams(): number {
    return this.weights().reduce((n, w) => n + w.variable.size, 0);
  }

  /** This layer's options as JSON, with its type; the registered factory rebuilds it. */
  getConfig(): LayerConfig {
    return {
      type: this.typeName,
      name: this.name,
      trainable: this.trainable,
      ...(this.seed === undefined ? {} : { seed: this.seed }),
    };
  }

  /** A table of the layers, output shapes and parameter counts (see {@link summary}). */
  summary(): string {
    return summary(this);
  }

  /** Frees every weight (and those of its children); the layer is unusable afterwards. */
  dispose(): void {
    this.disposeOwnWeights();
    for (const child of this.children()) child.dispose();
  }

  private disposeOwnWeights(): void {
    for (const w of this.ownWeights) w.variable.dispose();
    this.ownWeights.length = 0;
    this.built = false;
  }
}
