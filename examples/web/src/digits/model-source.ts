// Where the page's model comes from and goes to: the pretrained files served with the site, the
// browser's IndexedDB (core's saveModelToIndexedDB / loadModelFromIndexedDB), files the user picks,
// and downloads in the format Node's loadModel reads. A backend switch rebuilds the model on the
// new backend from its serialized form, so no weight is left behind on the old one.
import '@baihua/cnn';
import {
  deserializeModel,
  downloadModel,
  loadModelFromFiles,
  loadModelFromIndexedDB,
  saveModelToIndexedDB,
  serializeModel,
  type Layer,
} from '@baihua/core';
import { switchBackend, type ActiveBackend, type SiteBackend } from '../shared/backends.js';

/** The IndexedDB key the page saves its model under. */
export const savedModelKey = 'digits-lenet5';

/**
 * The pretrained LeNet-5 (build/train-pretrained.ts), served under models/lenet5/.
 * @example const model = await fetchPretrained();
 * In plain words: the model the page starts with, fetched like any file.
 */
export async function fetchPretrained(): Promise<Layer> {
  const folder = `${import.meta.env.BASE_URL}models/lenet5/`;
  const [topology, weights] = await Promise.all([
    fetch(`${folder}model.json`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`model.json: ${r.status}`)))),
    fetch(`${folder}weights.bin`).then((r) =>
      r.ok ? r.arrayBuffer() : Promise.reject(new Error(`weights.bin: ${r.status}`)),
    ),
  ]);
  return deserializeModel({ topology, weights });
}

/** Saves `model` in IndexedDB under savedModelKey (core's saveModelToIndexedDB). */
export const saveInBrowser = (model: Layer) => saveModelToIndexedDB(model, savedModelKey);
/** Loads the model saved under savedModelKey (core's loadModelFromIndexedDB). */
export const loadFromBrowser = () => loadModelFromIndexedDB(savedModelKey);
/** Loads a model from the picked model.json + weights.bin (core's loadModelFromFiles). */
export const loadFromFiles = (files: FileList) => loadModelFromFiles(files);
/** Offers model.json + weights.bin as downloads (core's downloadModel): what Node's loadModel reads. */
export const download = (model: Layer) => downloadModel(model);

/**
 * Switches to `backend` and rebuilds `model` there (serialized on the old backend first); the old
 * model is disposed once the new one stands. Returns the new model and the backend now active.
 * @example ({ model } = await moveToBackend(model, 'webgpu'));
 * In plain words: carry the model over to the other engine instead of leaving it behind.
 */
export async function moveToBackend(
  model: Layer | undefined,
  backend: SiteBackend,
): Promise<{ model: Layer | undefined; active: ActiveBackend }> {
  const serialized = model ? await serializeModel(model) : undefined;
  const active = await switchBackend(backend);
  if (!model || !serialized) return { model, active };
  const moved = await deserializeModel(serialized);
  model.dispose();
  return { model: moved, active };
}
