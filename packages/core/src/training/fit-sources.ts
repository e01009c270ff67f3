import type { Layer } from '../layers/layer.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { BatchSource } from './batch-source.js';
import { inspectLabels, probeOutputShapes } from './dataset-labels.js';
import { evaluate, type EvaluateResult } from './evaluate.js';
import { splitValidation } from './fit-data.js';
import type { checkFitOptions, FitOptions } from './fit-options.js';
import { arrangeLabelledData, type ModelSlots } from './labelled-data.js';
import type { OutputLosses } from './output-losses.js';
import { accuracyKinds } from './output-measures.js';
import { streamBatches } from './stream-batches.js';
import { tensorBatches } from './tensor-batches.js';
import { trainableWeightsOf } from './train-step.js';

type FitSettings = ReturnType<typeof checkFitOptions>;

/** Where fit's batches come from, how it validates after each epoch, and what to free at the end. */
export interface FitSources {
  source: BatchSource;
  /** Validation figures for the epoch just trained (undefined without validation data). */
  validate(): Promise<EvaluateResult | undefined>;
  release(): void;
}

/**
 * Prepares fit's data. Tensors: every check that needs the data runs here, before training (rows
 * match, the model builds on them, class indices in range, per output), then validationSplit.
 * Streams: each batch is checked when it arrives (see streamBatches).
 *
 * @example
 * const { source, validate, release } = await prepareFitSources(model, settings, options, slots, plan, random);
 * In plain words: get the examples ready, and the mock exam.
 */
export async function prepareFitSources(
  model: Layer,
  settings: FitSettings,
  options: FitOptions,
  slots: ModelSlots,
  plan: OutputLosses,
  random: SeededRandom,
): Promise<FitSources> {
  const validationOptions = { loss: options.loss, lossWeights: options.lossWeights, metrics: options.metrics };
  if (settings.stream) {
    const given = options.validationData;
    return {
      source: streamBatches(settings.stream, {
        fn: 'fit',
        argument: 'data',
        slots,
        stepsPerEpoch: options.stepsPerEpoch,
        epochs: settings.epochs,
        wantClasses: settings.classWeights !== undefined,
      }),
      validate: async () =>
        given === undefined ? undefined : evaluate(model, given, withSteps(validationOptions, options.validationSteps)),
      release: () => {},
    };
  }
  const data = arrangeLabelledData('fit', 'data', settings.tensors, slots);
  const validation = settings.validation;
  const given = validation && 'tensors' in validation ? validation.tensors : undefined;
  const givenTensors = given && arrangeLabelledData('fit', 'validationData', given, slots);
  const { train, validation: held, release } = splitValidation(data, options.validationSplit, givenTensors);
  try {
    const first = train.xs.map((x) => [Math.min(settings.batchSize, train.rows), ...x.shape.slice(1)]);
    trainableWeightsOf('fit', model, first);
    const shapes = probeOutputShapes(model, train.xs);
    const kinds = accuracyKinds(
      plan,
      options.metrics,
      shapes.map((s) => s.at(-1) ?? 1),
    );
    const label = (argument: string, k: number) => (plan.names ? `${argument}.${plan.names[k]}` : argument);
    let classes: number[] | undefined;
    for (const [k, y] of data.ys.entries()) {
      const wantClasses = settings.classWeights !== undefined && k === 0;
      const found = await inspectLabels('fit', label('data.y', k), y, shapes[k] ?? [], kinds[k], wantClasses);
      if (k === 0) classes = found;
    }
    for (const [k, y] of (givenTensors?.ys ?? []).entries())
      await inspectLabels('fit', label('validationData.y', k), y, shapes[k] ?? [], kinds[k], false);
    const batchSize = Math.max(settings.batchSize, 256);
    return {
      // Row r of the training part is row r of data (validationSplit holds out the last rows).
      source: tensorBatches(train, {
        batchSize: settings.batchSize,
        shuffle: settings.shuffle,
        random,
        classes: settings.classWeights ? classes : undefined,
      }),
      validate: async () =>
        held === undefined
          ? undefined
          : evaluate(model, { x: held.xs, y: held.ys }, { ...validationOptions, batchSize }),
      release,
    };
  } catch (error) {
    release();
    throw error;
  }
}

function withSteps<T extends object>(options: T, steps: number | undefined): T & { steps?: number } {
  return steps === undefined ? options : { ...options, steps };
}
