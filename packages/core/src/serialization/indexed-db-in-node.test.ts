// The IndexedDB savers and loaders in Node against fake-indexeddb (an in-memory IndexedDB), where
// the mutation runs reach them (the Chromium tests run the built dist/browser bundle): keys,
// database names, what is stored and listed, missing and foreign records, and a database that
// cannot be opened.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { smallModelOutputs, smallSavedModel } from '../../test/small-saved-model.js';
import {
  deleteModelFromIndexedDB,
  listModelsInIndexedDB,
  loadModelFromIndexedDB,
  saveModelToIndexedDB,
  serializeModel,
} from './index.js';

/** Opens `name` at `version` with the stand-in factory, runs `change` in the upgrade, and closes it. */
function prepare(factory: IDBFactory, name: string, version: number, change: (db: IDBDatabase) => void) {
  return new Promise<void>((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = () => change(request.result);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('IndexedDB savers and loaders in Node', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('keys and database names are checked first; without IndexedDB each function says so', async () => {
    const net = smallSavedModel();
    const keyMessage = (fn: string, got: string) => `${fn}: expected key to be a non-empty string, got ${got}`;
    await expect(saveModelToIndexedDB(net, '')).rejects.toThrow(keyMessage('saveModelToIndexedDB', '""'));
    await expect(loadModelFromIndexedDB(5 as never)).rejects.toThrow(keyMessage('loadModelFromIndexedDB', '5'));
    await expect(deleteModelFromIndexedDB(undefined as never)).rejects.toThrow(
      keyMessage('deleteModelFromIndexedDB', 'undefined'),
    );
    await expect(listModelsInIndexedDB({ databaseName: '' })).rejects.toThrow(
      'listModelsInIndexedDB: expected options.databaseName to be a non-empty string, got ""',
    );
    await expect(saveModelToIndexedDB(net, 'm', { databaseName: 5 as never })).rejects.toThrow(
      'saveModelToIndexedDB: expected options.databaseName to be a non-empty string, got 5',
    );
    const absent =
      ': IndexedDB is not available here (it exists in browsers and web workers); in Node.js use saveModel / loadModel';
    await expect(saveModelToIndexedDB(net, 'm')).rejects.toThrow(`saveModelToIndexedDB${absent}`);
    await expect(loadModelFromIndexedDB('m')).rejects.toThrow(`loadModelFromIndexedDB${absent}`);
    await expect(listModelsInIndexedDB()).rejects.toThrow(`listModelsInIndexedDB${absent}`);
    await expect(deleteModelFromIndexedDB('m')).rejects.toThrow(`deleteModelFromIndexedDB${absent}`);
    net.dispose();
  });

  test('save, list, load, delete; databases kept apart; missing keys list what is saved', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const net = smallSavedModel();
    const expected = await smallModelOutputs(net);
    const { weights } = await serializeModel(net);
    const before = Date.now();
    const info = await saveModelToIndexedDB(net, 'first');
    expect(info.key).toBe('first');
    expect(info.weightsByteLength).toBe(weights.byteLength);
    expect(Date.parse(info.savedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(info.savedAt).toBe(new Date(info.savedAt).toISOString());
    await saveModelToIndexedDB(net, 'second');
    await saveModelToIndexedDB(net, 'elsewhere', { databaseName: 'other' });
    const listed = await listModelsInIndexedDB();
    expect(listed.map((m) => [m.key, m.weightsByteLength])).toEqual([
      ['first', weights.byteLength],
      ['second', weights.byteLength],
    ]);
    expect(listed[0]?.savedAt).toBe(info.savedAt);
    expect((await listModelsInIndexedDB({ databaseName: 'other' })).map((m) => m.key)).toEqual(['elsewhere']);
    const loaded = await loadModelFromIndexedDB('first');
    expect(await smallModelOutputs(loaded)).toEqual(expected);
    loaded.dispose();
    await expect(loadModelFromIndexedDB('third')).rejects.toThrow(
      "loadModelFromIndexedDB: no model is saved under key 'third' (saved: 'first', 'second')",
    );
    await expect(loadModelFromIndexedDB('x', { databaseName: 'empty' })).rejects.toThrow(
      "loadModelFromIndexedDB: no model is saved under key 'x' (saved: none)",
    );
    expect(await deleteModelFromIndexedDB('first')).toBe(true);
    expect(await deleteModelFromIndexedDB('first')).toBe(false);
    expect((await listModelsInIndexedDB()).map((m) => m.key)).toEqual(['second']);
    net.dispose();
  });

  test('a record that is not a saved model, NaN weights, and a database at a newer version', async () => {
    const factory = new IDBFactory();
    vi.stubGlobal('indexedDB', factory);
    const net = smallSavedModel();
    await saveModelToIndexedDB(net, 'kept');
    // A foreign record in the same store, and one whose weights hold a NaN.
    const { topology, weights } = await serializeModel(net);
    new DataView(weights).setFloat32(0, Number.NaN, true);
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('baihua-models', 1);
      request.onsuccess = () => {
        const db = request.result;
        const transaction = db.transaction('models', 'readwrite');
        transaction.objectStore('models').put({ kind: 'something-else' }, 'foreign');
        const record = { kind: 'baihua-model-record', topology: JSON.stringify(topology), weights, savedAt: 'then' };
        transaction.objectStore('models').put(record, 'nan');
        transaction.oncomplete = () => {
          db.close();
          resolve();
        };
        transaction.onerror = () => reject(transaction.error);
      };
    });
    await expect(loadModelFromIndexedDB('foreign')).rejects.toThrow(
      "loadModelFromIndexedDB: the record under key 'foreign' is not a saved baihua model " +
        "(expected { kind: 'baihua-model-record', topology: JSON text, weights: ArrayBuffer })",
    );
    const listed = await listModelsInIndexedDB();
    expect(listed.find((m) => m.key === 'foreign')).toEqual({ key: 'foreign', savedAt: '', weightsByteLength: 0 });
    expect(listed.find((m) => m.key === 'nan')?.savedAt).toBe('then');
    await expect(loadModelFromIndexedDB('nan')).rejects.toThrow(
      /^loadModelFromIndexedDB: expected finite weights, got NaN/,
    );
    const nan = await loadModelFromIndexedDB('nan', { allowNonFinite: true });
    expect(Number.isNaN((await nan.weights()[0]?.read().data())?.[0])).toBe(true);
    nan.dispose();
    await prepare(factory, 'newer', 2, (db) => db.createObjectStore('models'));
    await expect(listModelsInIndexedDB({ databaseName: 'newer' })).rejects.toThrow(
      /^listModelsInIndexedDB: cannot open IndexedDB database 'newer': .+/,
    );
    net.dispose();
  });
});
