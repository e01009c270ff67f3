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
import { andOfMasks } from './merge-masks.js';
import { activeShapeProbe } from './shape-probe.js';
import { checkLayerInputs, isShapeList, ownedCopy, type InputMask } from './layer-inputs.js';
import { applySymbolic } from '../graph/apply-symbolic.js';
import { isSymbolicInput, type SymbolicTensor } from '../graph/symbolic-tensor.js';
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
  /** The input's mask ([batch, time] bool: false marks padding), for a one-input layer. */
  mask?: tf.Tensor;
  /** One mask per input (undefined where an input has none), for a layer that takes a list. */
  masks?: (tf.Tensor | undefined)[];
}

/** Options of {@link Layer.apply}. */
export interface ApplyOptions {
  /** Training mode (dropout drops, batch norm updates its statistics). Default false. */
  training?: boolean;
  /** The input's mask ([batch, time], false at padded steps); one per input for a list layer. */
  mask?: InputMask;
}

/** What {@link Layer.applyWithMask} returns: every output and its mask (undefined: none). */
export interface MaskedOutputs {
  outputs: tf.Tensor[];
  masks: (tf.Tensor | undefined)[];
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
  /** The input shape seen at build, batch size replaced by null (the first input's, for a list layer). */
  inputShape: (number | null)[] | undefined;
  /** Every input's shape seen at build (one entry for a one-input layer); null dimensions match any size. */
  inputShapes: (number | null)[][] | undefined;
  /** The output shape of the last call, batch size replaced by null (for summaries); the first output's. */
  outputShape: (number | null)[] | undefined;
  /** Every output's shape of the last call. */
  outputShapes: (number | null)[][] | undefined;
  /**
   * Whether the layer passes an input mask through unchanged (Keras' supports_masking): Dense,
   * Dropout, the norms. Default false: a masked input is refused, unless computeMask is overridden.
   */
  supportsMasking = false;
  /** True for layers whose `call` takes a list of inputs (Concatenate, Attention); set by the subclass. */
  readonly takesInputList: boolean = false;
  /**
   * Set only while something watches this layer's outputs (trainingDiagnostics): called inside
   * applyWithMask's tf.tidy with every output and the training flag. Tensors it makes are freed with
   * the tidy unless it keeps them (tf.keep). Unset (the default), the forward pass does nothing extra.
   */
  outputObserver: ((outputs: readonly tf.Tensor[], training: boolean) => void) | undefined;

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
   * Runs the layer: builds it on the first call, then `call(x, context)` inside tf.tidy.
   * x: a tf.Tensor whose first axis is the batch (a list of them for a layer that takes several
   * inputs: Concatenate, Attention, a Model with several inputs); `options.mask`: the input's
   * mask ([batch, time] bool, Keras semantics), one per input for a list layer. Returns the one
   * output, a new tensor the caller owns (a layer with several outputs: use `applyMulti`).
   * Given a SymbolicTensor (from `input()`), it records a node of a graph instead and returns
   * the symbolic output (see Model).
   */
  apply(x: SymbolicTensor | readonly SymbolicTensor[], options?: ApplyOptions): SymbolicTensor;
  apply(x: tf.Tensor | readonly tf.Tensor[], options?: ApplyOptions): tf.Tensor;
  apply(
    x: tf.Tensor | readonly tf.Tensor[] | SymbolicTensor | readonly SymbolicTensor[],
    options: ApplyOptions = {},
  ): tf.Tensor | SymbolicTensor {
    const outputs = this.applyMulti(x as tf.Tensor, options);
    if (outputs.length !== 1) {
      for (const o of outputs) if (o instanceof tf.Tensor) o.dispose();
      throw new ArgumentError(
        `${this.typeName}.apply`,
        `layer '${this.name}' has ${outputs.length} outputs: use applyMulti, which returns one per output`,
      );
    }
    return outputs[0] as tf.Tensor;
  }

  /** Like `apply`, for a layer with several outputs (a Model, Attention with returnScores): every output. */
  applyMulti(x: SymbolicTensor | readonly SymbolicTensor[], options?: ApplyOptions): SymbolicTensor[];
  applyMulti(x: tf.Tensor | readonly tf.Tensor[], options?: ApplyOptions): tf.Tensor[];
  applyMulti(
    x: tf.Tensor | readonly tf.Tensor[] | SymbolicTensor | readonly SymbolicTensor[],
    options: ApplyOptions = {},
  ): tf.Tensor[] | SymbolicTensor[] {
    if (isSymbolicInput(x)) return applySymbolic(this, x, options);
    const { outputs, masks } = this.applyWithMask(x as tf.Tensor, options);
    for (const m of masks) if (m !== undefined && !outputs.includes(m)) m.dispose();
    return outputs;
  }

  /**
   * Runs the layer as `apply` does and also returns the output masks (undefined where an output
   * has none): what containers (Sequential, Model) use to pass masks from layer to layer. Every
   * returned tensor is new and owned by the caller, even a mask passed through unchanged.
   */
  applyWithMask(
    x: tf.Tensor | readonly tf.Tensor[],
    options: ApplyOptions = {},
  ): { outputs: tf.Tensor[]; masks: (tf.Tensor | undefined)[] } {
    const fn = `${this.typeName}.apply`;
    assertKnownOptions(fn, 'options', options, ['training', 'mask']);
    const { inputs, masks } = checkLayerInputs(fn, this.takesInputList, x, options.mask);
    this.ensureBuilt(this.takesInputList ? inputs.map((t) => t.shape) : (inputs[0] as tf.Tensor).shape);
    const training = options.training ?? false;
    const context: CallContext = this.takesInputList ? { training, masks } : { training, mask: masks[0] };
    const given = [...inputs, ...masks];
    const result = tf.tidy(() => {
      const out = this.callWithMask(this.takesInputList ? inputs : (inputs[0] as tf.Tensor), context);
      this.outputObserver?.(out.outputs, training);
      return { outputs: out.outputs.map((o) => ownedCopy(o, given)), masks: out.masks.map((m) => ownedCopy(m, given)) };
    });
    this.outputShapes = result.outputs.map((o) => [null, ...o.shape.slice(1)]);
    this.outputShape = this.outputShapes[0];
    return result;
  }

  /**
   * The forward pass and the output masks, inside tf.tidy. Default: `call`, then `computeMask`
   * (the same mask for every output). Containers override it to pass masks through their layers.
   */
  protected callWithMask(x: tf.Tensor | tf.Tensor[], context: CallContext): MaskedOutputs {
    const y = this.call(x, context);
    const outputs = Array.isArray(y) ? y : [y];
    const mask = this.computeMask(x, this.takesInputList ? context.masks : context.mask);
    return { outputs, masks: outputs.map(() => mask) };
  }

  /**
   * The mask of the output, given the input's (Keras semantics). Default: none when none came in;
   * the input mask, unchanged, when `supportsMasking` (for a list layer the AND of the masks given:
   * a step is real only where every masked input calls it real); else an error, as the layer would silently
   * mix padding into its result. Layers that make or change masks (Masking, Embedding, recurrent
   * layers without returnSequences) override it. Runs inside the same tidy as `call`.
   */
  protected computeMask(
    _x: tf.Tensor | tf.Tensor[],
    mask: tf.Tensor | readonly (tf.Tensor | undefined)[] | undefined,
  ): tf.Tensor | undefined {
    const given = Array.isArray(mask) ? mask.filter((m) => m !== undefined) : mask === undefined ? [] : [mask];
    if (given.length === 0) return undefined;
    if (!this.supportsMasking)
      throw new ArgumentError(
        `${this.typeName}.apply`,
        `layer '${this.name}' does not support masking, but its input carries a mask (from Masking or Embedding ` +
          `maskZero): put it after a layer that consumes the mask (a recurrent layer, a global pooling layer)`,
      );
    return Array.isArray(mask) ? andOfMasks(given) : (mask as tf.Tensor);
  }

  /**
   * Builds the layer for this input shape (batch first; a list of shapes for a layer that takes
   * several inputs) if it is not built yet; checks the shape against the built one otherwise.
   */
  ensureBuilt(inputShape: readonly number[] | readonly (readonly number[])[]): void {
    const list = isShapeList(inputShape);
    if (list !== this.takesInputList)
      throw new ArgumentError(
        `${this.typeName}.build`,
        this.takesInputList
          ? `expected a list of input shapes (this layer takes several inputs), ` +
              `got ${describeShape(inputShape as number[])}`
          : 'expected one input shape (this layer takes one input), got a list of shapes',
      );
    const shapes = (list ? inputShape : [inputShape]) as readonly (readonly number[])[];
    const probe = activeShapeProbe();
    probe?.record(this, shapes, !this.built);
    if (this.built) {
      if (!probe?.skipsShapeCheck(this)) this.checkInputShape(inputShape);
      return;
    }
    for (const shape of shapes)
      if (shape.some((s) => !Number.isInteger(s) || s < 0))
        throw new ShapeError(
          `${this.typeName}.build`,
          `expected a shape of non-negative integers, got ${describeShape(shape as number[])}`,
        );
    this.seed ??= nextDefaultSeed();
    this.random = createRandom(this.seed);
    try {
      this.build(list ? shapes.map((s) => [...s]) : [...(shapes[0] as number[])]);
      // Containers build their children by running once on zeros (batch of 1, inference mode).
      if (this.children().some((child) => !child.isBuilt)) {
        tf.tidy(() => {
          const zeros = shapes.map((s) => tf.zeros([1, ...s.slice(1)]));
          this.call(list ? zeros : (zeros[0] as tf.Tensor), { training: false });
        });
      }
    } catch (error) {
      this.dispose();
      throw error;
    }
    this.inputShapes = shapes.map((s) => [null, ...s.slice(1)]);
    this.inputShape = this.inputShapes[0];
    this.built = true;
  }

  /** Creates the layer's weights for this input shape (batch first; a list for a list layer). Default: none. */
  protected build(_inputShape: number[] | number[][]): void {}

  /**
   * The forward computation, inside tf.tidy: one tensor in (a list for a layer that declares
   * `takesInputList`), one tensor out (a list for a layer with several outputs).
   */
  protected abstract call(x: tf.Tensor | tf.Tensor[], context: CallContext): tf.Tensor | tf.Tensor[];

  /**
   * Rejects an input whose non-batch dimensions differ from those seen at build (dimensions
   * recorded as null, such as a graph input's free sequence length, match any size).
   */
  protected checkInputShape(inputShape: readonly number[] | readonly (readonly number[])[]): void {
    const expected = this.inputShapes;
    if (!expected) return;
    const given = (isShapeList(inputShape) ? inputShape : [inputShape]) as readonly (readonly number[])[];
    given.forEach((shape, k) => {
      const want = expected[k] ?? [];
      const same = want.length === shape.length && want.every((s, i) => s === null || s === shape[i]);
      if (!same) {
        const pattern = `[${want.map((s) => (s === null ? '*' : String(s))).join(',')}]`;
        throw new ShapeError(
          `${this.typeName}.apply`,
          `layer '${this.name}' was built for input ${given.length > 1 ? `${k} ` : ''}shape ${pattern}, ` +
            `got ${describeShape(shape as number[])}`,
        );
      }
    });
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

  /**
   * Every weight of this layer and its children, in a fixed order (own first, then children), each
   * once: a layer reached twice (in a graph and inside a Sequential of the same graph) counts once.
   */
  weights(): LayerWeight[] {
    return [...new Set([...this.ownWeights, ...this.children().flatMap((c) => c.weights())])];
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
