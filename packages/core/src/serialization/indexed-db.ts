import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import { assertKnownOptions } from '../checks/option-keys.js';
import { deserializeModelAs } from './deserialize-model.js';
import { checkLoadOptions, type LoadModelOptions } from './load-options.js';
import { serializeModel } from './serialize-model.js';

/** Where models live in IndexedDB unless `databaseName` says otherwise: one object store, keyed by name. */
export const defaultModelDatabase = 'baihua-models';
const storeName = 'models';
const recordKind = 'baihua-model-record';

/** Options of the IndexedDB functions. */
export interface IndexedDbOptions {
  /** IndexedDB database name. Default 'baihua-models'. */
  databaseName?: string;
}

/** One saved model as listModelsInIndexedDB reports it. */
export interface StoredModelInfo {
  key: string;
  /** ISO 8601 time of the save. */
  savedAt: string;
  /** Size of the binary weights. */
  weightsByteLength: number;
}

// The stored value: topology as JSON text (re-validated on load like a file) and the weight bytes.
interface ModelRecord {
  kind: typeof recordKind;
  topology: string;
  weights: ArrayBuffer;
  savedAt: string;
}

function checkKey(fn: string, key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0)
    throw new ArgumentError(fn, `expected key to be a non-empty string, got ${JSON.stringify(key) ?? typeof key}`);
}

function openDatabase(fn: string, options: IndexedDbOptions): Promise<IDBDatabase> {
  const { databaseName = defaultModelDatabase } = options ?? {};
  if (typeof databaseName !== 'string' || databaseName.length === 0)
    throw new ArgumentError(
      fn,
      `expected options.databaseName to be a non-empty string, got ${JSON.stringify(databaseName)}`,
    );
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory)
    throw new ArgumentError(
      fn,
      'IndexedDB is not available here (it exists in browsers and web workers); in Node.js use saveModel / loadModel',
    );
  return new Promise((resolve, reject) => {
    const request = factory.open(databaseName, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
    };
    let blocked = false;
    request.onsuccess = () => {
      if (blocked)
        request.result.close(); // the caller was already told; do not keep a stray connection
      else resolve(request.result);
    };
    request.onerror = () =>
      reject(
        new ArgumentError(
          fn,
          `cannot open IndexedDB database '${databaseName}': ${request.error?.message ?? 'unknown error'}`,
        ),
      );
    request.onblocked = () => {
      blocked = true;
      reject(
        new ArgumentError(
          fn,
          `IndexedDB database '${databaseName}' is held open by another tab at an older version; close it and retry`,
        ),
      );
    };
  });
}

// Runs one transaction on the store: `body` queues its requests and returns how to read the result,
// which is read once the transaction has committed (not merely when a request succeeded), so a
// resolved save is durable and whole, and a failed one left nothing.
async function inStore<T>(
  fn: string,
  options: IndexedDbOptions,
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore) => () => T,
): Promise<T> {
  const db = await openDatabase(fn, options);
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const result = body(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(result());
      // A failed request's error event reaches the transaction before it aborts (and before
      // transaction.error is set): the reason is the event target's error.
      const fail = (event: Event) => {
        const reason = (event.target as { error?: DOMException | null } | null)?.error ?? transaction.error;
        reject(new ArgumentError(fn, `IndexedDB ${mode} transaction failed: ${reason?.message ?? 'aborted'}`));
      };
      transaction.onerror = fail;
      transaction.onabort = fail;
    });
  } finally {
    db.close();
  }
}

/**
 * Saves a built model in the browser's IndexedDB under `key` (replacing any model saved under it):
 * the topology JSON and float32 weights of serializeModel, in one record written by one
 * transaction, so a save either lands whole or not at all.
 *
 * @example
 * await saveModelToIndexedDB(model, 'mnist-mlp');
 * const again = await loadModelFromIndexedDB('mnist-mlp'); // also after a page reload
 *
 * In plain words: keep the trained model in the browser's own cupboard, under a name.
 */
export async function saveModelToIndexedDB(
  model: Layer,
  key: string,
  options: IndexedDbOptions = {},
): Promise<StoredModelInfo> {
  checkKey('saveModelToIndexedDB', key);
  assertKnownOptions('saveModelToIndexedDB', 'options', options, ['databaseName']);
  const { topology, weights } = await serializeModel(model);
  const record: ModelRecord = {
    kind: recordKind,
    topology: JSON.stringify(topology),
    weights,
    savedAt: new Date().toISOString(),
  };
  await inStore('saveModelToIndexedDB', options, 'readwrite', (store) => {
    store.put(record, key);
    return () => undefined;
  });
  return { key, savedAt: record.savedAt, weightsByteLength: weights.byteLength };
}

/**
 * Loads a model saved by saveModelToIndexedDB, with every check of deserializeModel (a damaged or
 * hostile record is refused with a clear error and nothing left behind).
 *
 * @example
 * const model = await loadModelFromIndexedDB('mnist-mlp');
 *
 * In plain words: take the model back out of the browser's cupboard, or say clearly why not.
 */
export async function loadModelFromIndexedDB(
  key: string,
  options: IndexedDbOptions & LoadModelOptions = {},
): Promise<Layer> {
  const fn = 'loadModelFromIndexedDB';
  checkKey(fn, key);
  checkLoadOptions(fn, options, ['databaseName']);
  const record = (await inStore(fn, options, 'readonly', (store) => {
    const request = store.get(key);
    return () => request.result as unknown;
  })) as Partial<ModelRecord> | undefined;
  if (record === undefined) {
    const saved = (await listModelsInIndexedDB(options)).map((info) => `'${info.key}'`);
    throw new ArgumentError(
      fn,
      `no model is saved under key '${key}' (saved: ${saved.length > 0 ? saved.join(', ') : 'none'})`,
    );
  }
  if (
    record === null ||
    typeof record !== 'object' ||
    record.kind !== recordKind ||
    typeof record.topology !== 'string' ||
    !(record.weights instanceof ArrayBuffer)
  ) {
    throw new ArgumentError(
      fn,
      `the record under key '${key}' is not a saved baihua model ` +
        `(expected { kind: '${recordKind}', topology: JSON text, weights: ArrayBuffer })`,
    );
  }
  return deserializeModelAs(
    fn,
    { topology: record.topology, weights: record.weights },
    {
      allowNonFinite: options.allowNonFinite ?? false,
    },
  );
}

/**
 * Lists the models saved in IndexedDB, in key order.
 * @example (await listModelsInIndexedDB()).map((m) => m.key) // ['lenet', 'mnist-mlp']
 * In plain words: what is in the cupboard.
 */
export async function listModelsInIndexedDB(options: IndexedDbOptions = {}): Promise<StoredModelInfo[]> {
  const fn = 'listModelsInIndexedDB';
  assertKnownOptions(fn, 'options', options, ['databaseName']);
  return inStore(fn, options, 'readonly', (store) => {
    const found: StoredModelInfo[] = [];
    const request = store.openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      const record = cursor.value as Partial<ModelRecord> | null;
      const weightsByteLength = record?.weights instanceof ArrayBuffer ? record.weights.byteLength : 0;
      found.push({ key: String(cursor.key), savedAt: String(record?.savedAt ?? ''), weightsByteLength });
      cursor.continue();
    };
    return () => found;
  });
}

/**
 * Deletes the model saved under `key`; returns whether there was one.
 * @example await deleteModelFromIndexedDB('mnist-mlp');
 * In plain words: throw the old model out of the cupboard.
 */
export async function deleteModelFromIndexedDB(key: string, options: IndexedDbOptions = {}): Promise<boolean> {
  const fn = 'deleteModelFromIndexedDB';
  checkKey(fn, key);
  assertKnownOptions(fn, 'options', options, ['databaseName']);
  return inStore(fn, options, 'readwrite', (store) => {
    const count = store.count(key);
    store.delete(key);
    return () => count.result > 0;
  });
}
