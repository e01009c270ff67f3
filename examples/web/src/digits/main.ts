// The Digits page: wires the drawing pad, the live probabilities, in-page training with its chart,
// the backend switch and the model's save, load and download. State the tests read is left on
// elements (data-* attributes): the verdict's digit, each bar's probability, the chart's points.
import '../shared/site.css';
import './digits.css';
import * as tf from '@tensorflow/tfjs-core';
import { predict, type Layer } from '@baihua/core';
import { backendNames, backendReport, type SiteBackend } from '../shared/backends.js';
import { mountChrome } from '../shared/chrome.js';
import { inkOfRgba, lenetSide, mnistFraming } from './digit-image.js';
import { DrawPad } from './draw-pad.js';
import { digitValues, fetchDigits, heldOutStart, type DigitSet } from './mnist-digits.js';
import * as models from './model-source.js';
import { ProbabilityList } from './probability-list.js';
import { TrainingChart } from './training-chart.js';
import { TrainingRun } from './training-run.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const refreshChrome = mountChrome('digits/');
const probabilities = new ProbabilityList(byId('probabilities'), byId('prediction'));
const chart = new TrainingChart(byId('chart'), byId('epoch-rows'));
const modelStatus = byId<HTMLParagraphElement>('model-status');
const trainStatus = byId<HTMLParagraphElement>('train-status');
const backendSelect = byId<HTMLSelectElement>('backend');
let model: Layer | undefined;
let run: TrainingRun | undefined;
// For the end-to-end tests (and the console): tensors alive against the model's own weights, so a
// leak shows as a growing difference.
Object.assign(globalThis, {
  baihuaDigits: { tensors: () => tf.memory().numTensors, weights: () => model?.weights().length ?? 0 },
});
// The 1.6 MB digit file is fetched on first use (a held-out digit shown, or training), not on load.
let digitFile: Promise<DigitSet> | undefined;
const digits = () => {
  digitFile ??= fetchDigits();
  return digitFile;
};

// Live prediction: at most one in flight; a change meanwhile asks for one more after it.
let predicting = false;
let again = false;
async function predictDrawing(): Promise<void> {
  if (predicting) {
    again = true;
    return;
  }
  predicting = true;
  const list = byId('probabilities');
  list.dataset.busy = 'true';
  try {
    do {
      again = false;
      const { rgba, width, height } = pad.ink();
      const input = mnistFraming(inkOfRgba(rgba, width, height));
      if (!model) probabilities.blank('Loading the model…');
      else if (!input) probabilities.blank('Draw a digit.');
      else {
        const current = model;
        const out = tf.tidy(() => tf.softmax(predict(current, tf.tensor4d(input, [1, lenetSide, lenetSide, 1]))));
        const values = await out.data();
        out.dispose();
        probabilities.show(values);
      }
    } while (again);
  } finally {
    predicting = false;
    delete list.dataset.busy;
  }
}
const pad = new DrawPad(byId('pad'), byId('pad-cursor'), () => void predictDrawing());

function useModel(next: Layer, source: string): void {
  if (model && model !== next) model.dispose();
  model = next;
  modelStatus.textContent = `Model: ${source}.`;
  modelStatus.dataset.source = source;
  void predictDrawing();
}

async function act(status: HTMLElement, label: string, action: () => Promise<unknown>): Promise<void> {
  status.textContent = `${label}…`;
  try {
    const done = await action();
    if (typeof done === 'string') status.textContent = done;
  } catch (error) {
    status.textContent = `${label} failed: ${(error as Error).message}`;
    console.error(error);
  }
}

byId('clear').addEventListener('click', () => pad.clear());
byId('sample').addEventListener('click', async () => {
  if (!digitFile) probabilities.blank('Fetching the MNIST digits (1.6 MB)…');
  const set = await digits();
  const index = heldOutStart + Math.floor(Math.random() * (set.count - heldOutStart));
  pad.drawImage(digitValues(set, index));
  byId('pad').dataset.shownLabel = String(set.labels[index]);
});

// Backend switch: options from core's describeBackends (unavailable ones disabled, with the reason).
for (const name of backendNames) backendSelect.append(new Option(name, name));
void backendReport().then((report) => {
  for (const b of report.backends) {
    const option = [...backendSelect.options].find((o) => o.value === b.name);
    if (option && !b.available) Object.assign(option, { disabled: true, textContent: `${b.name} (unavailable)` });
  }
});
backendSelect.addEventListener('change', () =>
  act(modelStatus, `Switching to ${backendSelect.value}`, async () => {
    backendSelect.disabled = true;
    try {
      const moved = await models.moveToBackend(model, backendSelect.value as SiteBackend);
      model = moved.model;
      refreshChrome(moved.active);
      document.body.dataset.backend = moved.active.name;
      void predictDrawing();
      return `Model moved to ${moved.active.name}.`;
    } finally {
      backendSelect.disabled = false;
    }
  }),
);

// Training.
const pauseButton = byId<HTMLButtonElement>('pause');
const stopButton = byId<HTMLButtonElement>('stop');
const trainButton = byId<HTMLButtonElement>('train');
// While a run trains, the controls that would replace, move or save its model wait.
const modelControls = ['save', 'load', 'download', 'pretrained', 'files'].map((id) => byId<HTMLButtonElement>(id));
function setTraining(on: boolean): void {
  for (const control of [trainButton, backendSelect, ...modelControls]) control.disabled = on;
  pauseButton.disabled = !on;
  stopButton.disabled = !on;
  pauseButton.textContent = 'Pause';
  pauseButton.setAttribute('aria-pressed', 'false');
  delete document.body.dataset.paused;
  if (on) document.body.dataset.training = 'true';
  else delete document.body.dataset.training;
}
byId<HTMLFormElement>('train-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const settings = {
    train: Number(form.get('train')),
    epochs: Number(form.get('epochs')),
    batchSize: Number(form.get('batchSize')),
    validation: 500,
    seed: 2026,
  };
  void act(trainStatus, 'Training', async () => {
    run = new TrainingRun();
    setTraining(true);
    let training: Layer | undefined;
    try {
      const set = await digits();
      chart.reset(Math.ceil(settings.train / settings.batchSize));
      const trained = await run.train(set, settings, {
        onBatch: (loss) => chart.addBatch(loss),
        onEpoch: (row) => {
          chart.addEpoch(row);
          const heldOut = `${(100 * row.valAccuracy).toFixed(1)}%`;
          trainStatus.textContent = `Epoch ${row.epoch} of ${settings.epochs}: held-out accuracy ${heldOut}.`;
        },
        onModel: (built) => {
          training = built;
          useModel(built, 'trained in this page');
        },
      });
      useModel(trained, 'trained in this page');
      return `Trained on ${settings.train} digits. ${trainStatus.textContent}`;
    } catch (error) {
      // A failed run disposed its model: the page must not predict with it.
      if (model !== undefined && model === training) {
        model = undefined;
        modelStatus.textContent = 'No model: training failed. Load one or go back to the pretrained model.';
        void predictDrawing();
      }
      throw error;
    } finally {
      run = undefined;
      setTraining(false);
    }
  });
});
pauseButton.addEventListener('click', () => {
  if (!run) return;
  if (run.paused) run.resume();
  else run.pause();
  pauseButton.textContent = run.paused ? 'Resume' : 'Pause';
  pauseButton.setAttribute('aria-pressed', String(run.paused));
  document.body.dataset.paused = String(run.paused);
  trainStatus.textContent = run.paused ? 'Paused.' : 'Training…';
});
stopButton.addEventListener('click', () => run?.stop());

// The model: save, load, download, open files, back to the pretrained one.
byId('save').addEventListener('click', () =>
  act(modelStatus, 'Saving', async () => {
    if (!model) return 'No model to save.';
    const info = await models.saveInBrowser(model);
    modelStatus.dataset.saved = info.savedAt;
    return `Saved in this browser as '${info.key}' (${info.weightsByteLength} bytes of weights).`;
  }),
);
byId('load').addEventListener('click', () =>
  act(modelStatus, 'Loading', async () => {
    useModel(await models.loadFromBrowser(), 'loaded from this browser');
  }),
);
byId('download').addEventListener('click', () =>
  act(modelStatus, 'Preparing the files', async () => {
    if (!model) return 'No model to download.';
    await models.download(model);
    return 'Downloaded model.json and weights.bin.';
  }),
);
byId<HTMLInputElement>('files').addEventListener('change', (event) => {
  const files = (event.target as HTMLInputElement).files;
  if (files)
    void act(modelStatus, 'Opening', async () => {
      useModel(await models.loadFromFiles(files), 'opened from files');
    });
});
byId('pretrained').addEventListener('click', () =>
  act(modelStatus, 'Loading', async () => {
    useModel(await models.fetchPretrained(), 'pretrained');
  }),
);

await act(modelStatus, 'Starting', async () => {
  const moved = await models.moveToBackend(undefined, 'wasm');
  backendSelect.value = moved.active.name;
  document.body.dataset.backend = moved.active.name;
  refreshChrome(moved.active);
  useModel(await models.fetchPretrained(), 'pretrained');
});
document.body.dataset.ready = 'true';
