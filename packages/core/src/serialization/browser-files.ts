import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import { assertKnownOptions } from '../checks/option-keys.js';
import { deserializeModelAs } from './deserialize-model.js';
import { checkLoadOptions, type LoadModelOptions } from './load-options.js';
import { modelFileNames } from './node-files.js';
import { serializeModel } from './serialize-model.js';

/** Options of {@link downloadModel}. */
export interface DownloadModelOptions {
  /**
   * File names offered to the browser. Default `model.json` and `weights.bin`, the names saveModel
   * writes, so loadModel reads a download's folder as is.
   */
  fileNames?: { topology?: string; weights?: string };
}

/** A picked file: the browser's `File` (or anything with a name and the two Blob readers). */
export interface NamedBlob {
  name: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Offers a built model to the user as two downloads: the topology JSON and the binary weights
 * (the same two files saveModel writes in Node). Browsers only (needs `document`); Chrome may ask
 * the user once to allow the page several downloads.
 *
 * @example
 * button.onclick = () => downloadModel(model); // model.json + weights.bin
 *
 * In plain words: hand the user the blueprint and the box of knob settings to keep.
 */
export async function downloadModel(model: Layer, options: DownloadModelOptions = {}): Promise<void> {
  const fn = 'downloadModel';
  assertKnownOptions(fn, 'options', options, ['fileNames']);
  assertKnownOptions(fn, 'options.fileNames', options.fileNames, ['topology', 'weights']);
  const topologyName = options.fileNames?.topology ?? modelFileNames.topology;
  const weightsName = options.fileNames?.weights ?? modelFileNames.weights;
  for (const [argument, name] of [
    ['options.fileNames.topology', topologyName],
    ['options.fileNames.weights', weightsName],
  ] as const) {
    if (typeof name !== 'string' || name.length === 0)
      throw new ArgumentError(fn, `expected ${argument} to be a non-empty file name, got ${JSON.stringify(name)}`);
  }
  if (topologyName === weightsName)
    throw new ArgumentError(fn, `expected two different file names, got '${topologyName}' twice`);
  const page = globalThis as { document?: Document };
  if (!page.document || typeof URL.createObjectURL !== 'function')
    throw new ArgumentError(fn, 'needs a browser page (document and URL.createObjectURL); in Node.js use saveModel');
  const { topology, weights } = await serializeModel(model);
  const files: [string, Blob][] = [
    [topologyName, new Blob([`${JSON.stringify(topology, null, 1)}\n`], { type: 'application/json' })],
    [weightsName, new Blob([weights], { type: 'application/octet-stream' })],
  ];
  for (const [name, blob] of files) {
    const url = URL.createObjectURL(blob);
    const link = page.document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    page.document.body.appendChild(link);
    link.click();
    link.remove();
    // The browser reads the blob after click() returns; give it time before the URL is revoked.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

function describeNames(files: readonly NamedBlob[]): string {
  return files.length === 0 ? 'no files' : files.map((f) => `'${f.name}'`).join(', ');
}

/**
 * Loads a model from files the user picked (an `<input type="file" multiple>`'s FileList, or an
 * array of Files): exactly one `.json` topology and one `.bin` weights file, as downloadModel or
 * saveModel wrote them. Every check of deserializeModel applies (`allowNonFinite` as there).
 *
 * @example
 * input.onchange = async () => { model = await loadModelFromFiles(input.files); };
 *
 * In plain words: rebuild the model from the two files the user hands back.
 */
export async function loadModelFromFiles(
  files: ArrayLike<NamedBlob> | Iterable<NamedBlob>,
  options: LoadModelOptions = {},
): Promise<Layer> {
  const fn = 'loadModelFromFiles';
  checkLoadOptions(fn, options);
  if (files === null || typeof files !== 'object')
    throw new ArgumentError(
      fn,
      `expected files to be a FileList or an array of Files, got ${files === null ? 'null' : typeof files}`,
    );
  const list = Array.from(files as ArrayLike<NamedBlob>);
  for (const [i, file] of list.entries()) {
    if (
      file === null ||
      typeof file !== 'object' ||
      typeof file.name !== 'string' ||
      typeof file.arrayBuffer !== 'function'
    ) {
      throw new ArgumentError(
        fn,
        `expected files[${i}] to be a File (with a name and arrayBuffer()), ` +
          `got ${file === null ? 'null' : typeof file}`,
      );
    }
  }
  const pick = (extension: string, role: string) => {
    const matches = list.filter((f) => f.name.toLowerCase().endsWith(extension));
    if (matches.length !== 1)
      throw new ArgumentError(
        fn,
        `expected exactly one ${extension} file (the ${role}), got ${matches.length} among ${describeNames(list)}`,
      );
    return matches[0] as NamedBlob;
  };
  const topologyFile = pick('.json', 'topology');
  const weightsFile = pick('.bin', 'weights');
  const [topology, weights] = await Promise.all([topologyFile.text(), weightsFile.arrayBuffer()]);
  return deserializeModelAs(fn, { topology, weights }, options);
}
