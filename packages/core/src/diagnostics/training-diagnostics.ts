import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import type { LayerWeight } from '../layers/layer-weight.js';
import type { EpochLogs, TrainingCallbacks, TrainingControl } from '../training/callbacks.js';
import type { StepTensors } from '../training/step-tensors.js';
import type { DiagnosticsRecord } from './diagnostics-record.js';
import { IntervalAccumulator } from './interval-accumulator.js';
import { intervalFigures } from './interval-figures.js';
import { assertLayerNames, groupByLayer, isReluLayer, modelLayers } from './model-layers.js';
import { ReluWatch } from './relu-watch.js';
import { checkDiagnosticsOptions, type TrainingDiagnosticsOptions } from './training-diagnostics-options.js';
import { checkSnapshotWeight, snapshotOf } from './weight-snapshot.js';

export type { TrainingDiagnosticsOptions } from './training-diagnostics-options.js';

/** The callback {@link trainingDiagnostics} returns: give it to fit's `callbacks`, read `record()` after. */
export interface DiagnosticsRecorder extends TrainingCallbacks {
  /** A copy of what was recorded so far (plain numbers: keep it, save it as JSON, chart it, diagnose it). */
  record(): DiagnosticsRecord;
  /** Frees what it holds on the device; fit's end does it, so only needed after a fit that threw. */
  dispose(): void;
}

const fn = 'trainingDiagnostics';

/**
 * A fit callback that records what happens inside training, per interval of `every` steps: per
 * layer the raw gradients' L2 norm (before weight decay and clipping), the weights' norm and the
 * update ratio ||W_end - W_start|| / ||W_start||; the global gradient norm (mean and max); steps
 * with a NaN or infinite loss or gradient; for each ReLU layer (activation 'relu' or 'relu6') the
 * fraction of units whose output was 0 on every example of the interval; class counts of the
 * predictions (argmax) and labels of a classifier's first output; per epoch the loss and validation
 * figures fit reports; and snapshots of one weight at chosen epochs (a weight of rank > 2 as
 * [prod(shape[:-1]), shape[-1]]). Every figure is computed on the device and read back once per
 * interval (one more read per snapshot). Memory: a copy of the watched weights (taken at each
 * interval's start) and a few numbers per step of the current interval; the record holds numbers only.
 * A failure of the diagnostics themselves is reported once through `onWarning` and stops the
 * recording, never the training. Checked before training: the layer names (they must be the model's);
 * reusing the callback continues the record, for the same model only.
 *
 * @example
 * const diagnostics = trainingDiagnostics({ every: 10, snapshot: { layer: 'dense_1', epochs: [0, 4, 9] } });
 * await fit(model, { x, y }, { loss: softmaxCrossEntropy, epochs: 10, callbacks: [diagnostics] });
 * for (const finding of diagnose(diagnostics.record())) console.log(finding.message);
 *
 * In plain words: a flight recorder for training, so you can see afterwards why it went wrong.
 */
export function trainingDiagnostics(options?: TrainingDiagnosticsOptions): DiagnosticsRecorder {
  const settings = checkDiagnosticsOptions(options);
  const record: DiagnosticsRecord = {
    model: '',
    layers: [],
    every: settings.every,
    intervals: [],
    epochs: [],
    snapshots: [],
  };
  let model: Layer | undefined;
  let relus: ReluWatch | undefined;
  let weightsByLayer: Map<string, LayerWeight[]> | undefined;
  let interval: IntervalAccumulator | undefined;
  let reading: Promise<void> = Promise.resolve();
  let failed = false;
  let step = 0;
  let epochOffset = 0;

  const stopWatching = () => {
    relus?.stop();
    relus = undefined;
    interval?.dispose();
    interval = undefined;
  };
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    stopWatching();
    const message = error instanceof Error ? error.message : String(error);
    settings.onWarning(`${fn}: recording stopped after an error (training goes on): ${message}`);
  };
  const guard = (work: () => void) => {
    if (failed) return;
    try {
      work();
    } catch (error) {
      fail(error);
    }
  };
  /** Closes the current interval: one tensor, one asynchronous read, chained so intervals stay in order. */
  const closeInterval = () => {
    if (interval === undefined || interval.steps === 0) return;
    const { values, layout } = interval.close();
    interval.dispose();
    interval = undefined;
    const read = values.data();
    reading = reading.then(async () => {
      try {
        const figures = intervalFigures(Array.from(await read), layout);
        if (!failed) record.intervals.push(figures);
      } catch (error) {
        fail(error);
      } finally {
        values.dispose();
      }
    });
  };

  const onTrainBegin = (control: TrainingControl) => {
    if (model !== undefined && model !== control.model)
      throw new ArgumentError(
        fn,
        `expected the model this record is of ('${record.model}'), got model '${control.model.name}' ` +
          '(use a new trainingDiagnostics() per model)',
      );
    if (settings.layers) assertLayerNames(fn, 'layers', control.model, settings.layers);
    if (settings.snapshot) checkSnapshotWeight(control.model, settings.snapshot);
    model = control.model;
    record.model = model.name;
    epochOffset = record.epochs.length;
    failed = false;
    stopWatching();
    // The user's mistakes above stop fit before it starts; a failure of the recorder itself from here on
    // is only reported: it must never break the training it watches.
    guard(() => {
      const watched = (layer: Layer) => (settings.layers ? settings.layers.includes(layer.name) : true);
      const layers = modelLayers(control.model).filter((layer) => isReluLayer(layer) && watched(layer));
      relus = new ReluWatch(layers, fail);
    });
  };

  const onStep = (tensors: StepTensors) =>
    guard(() => {
      if (weightsByLayer === undefined) {
        weightsByLayer = groupByLayer(
          tensors.gradients.map((g) => g.weight),
          settings.layers,
        );
        record.layers = [...weightsByLayer.keys()];
      }
      if (interval !== undefined && interval.steps >= settings.every) closeInterval();
      interval ??= new IntervalAccumulator(weightsByLayer);
      interval.addStep(tensors, epochOffset + tensors.epoch, step++);
      if (relus) interval.addUnitMaxima(relus.take());
    });

  const onEpochEnd = async (epoch: number, logs: EpochLogs, control: TrainingControl) => {
    if (failed) return;
    guard(() => {
      if (interval !== undefined && interval.steps >= settings.every) closeInterval();
    });
    const at = epochOffset + epoch;
    const figures: DiagnosticsRecord['epochs'][number] = { epoch: at, loss: logs.loss as number };
    for (const key of ['valLoss', 'accuracy', 'valAccuracy'] as const) if (key in logs) figures[key] = logs[key];
    record.epochs.push(figures);
    await reading;
    const snapshot = settings.snapshot;
    if (snapshot?.epochs.includes(at) && !failed) {
      try {
        record.snapshots.push(await snapshotOf(control.model, snapshot.layer, snapshot.weight, at));
      } catch (error) {
        fail(error);
      }
    }
  };

  const onTrainEnd = async () => {
    guard(closeInterval);
    await reading;
    stopWatching();
  };

  return {
    onTrainBegin,
    onStep,
    onEpochEnd,
    onTrainEnd,
    record: () => structuredClone(record),
    dispose: stopWatching,
  };
}
