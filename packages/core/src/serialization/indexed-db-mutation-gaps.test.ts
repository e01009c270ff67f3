// The IndexedDB functions against fake-indexeddb (found by mutation testing): records that are off in
// one part only, a null record listed, deleting in a named database, connections closed after every
// call, a transaction that fails and a database that cannot be opened, each with its whole message.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { smallModelOutputs, smallSavedModel } from '../../test/small-saved-model.js';
import { useBackend } from '../backends/use-backend.js';
import {
  deleteModelFromIndexedDB,
  listModelsInIndexedDB,
  loadModelFromIndexedDB,
  saveModelToIndexedDB,
  serializeModel,
} from './index.js';

/** Opens `name` at version 1 with `factory`, runs `change` on its store in one transaction, and closes it. */
function inModels(factory: IDBFactory, name: string, change: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('models');
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction('models', 'readwrite');
      change(transaction.objectStore('models'));
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
    request.onerror = () => reject(request.error);
  });
}

const notAModel = (key: string) =>
  `loadModelFromIndexedDB: the record under key '${key}' is not a saved baihua model ` +
  "(expected { kind: 'baihua-model-record', topology: JSON text, weights: ArrayBuffer })";

describe('IndexedDB functions, cases found by mutation testing', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('a record off in its kind, its topology, or null is refused; the null one is listed as empty', async () => {
    const factory = new IDBFactory();
    vi.stubGlobal('indexedDB', factory);
    const net = smallSavedModel();
    const { topology, weights } = await serializeModel(net);
    const text = JSON.stringify(topology);
    await inModels(factory, 'baihua-models', (store) => {
      store.put({ kind: 'baihua-model-record', topology: text, weights, savedAt: 'then' }, 'good');
      store.put({ kind: 'other-record', topology: text, weights, savedAt: 'then' }, 'kind');
      store.put({ kind: 'baihua-model-record', topology, weights, savedAt: 'then' }, 'object');
      store.put(null, 'null');
    });
    const good = await loadModelFromIndexedDB('good');
    expect(await smallModelOutputs(good)).toEqual(await smallModelOutputs(net));
    good.dispose();
    for (const key of ['kind', 'object', 'null']) {
      await expect(loadModelFromIndexedDB(key)).rejects.toThrow(notAModel(key));
    }
    expect(await listModelsInIndexedDB()).toEqual([
      { key: 'good', savedAt: 'then', weightsByteLength: weights.byteLength },
      { key: 'kind', savedAt: 'then', weightsByteLength: weights.byteLength },
      { key: 'null', savedAt: '', weightsByteLength: 0 },
      { key: 'object', savedAt: 'then', weightsByteLength: weights.byteLength },
    ]);
    net.dispose();
  });

  test('deleteModelFromIndexedDB takes databaseName and deletes there only', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const net = smallSavedModel();
    await saveModelToIndexedDB(net, 'm');
    await saveModelToIndexedDB(net, 'm', { databaseName: 'other' });
    expect(await deleteModelFromIndexedDB('m', { databaseName: 'other' })).toBe(true);
    expect(await listModelsInIndexedDB({ databaseName: 'other' })).toEqual([]);
    expect((await listModelsInIndexedDB()).map((m) => m.key)).toEqual(['m']);
    net.dispose();
  });

  test('every call closes its connection: the database can be deleted at once afterwards', async () => {
    const factory = new IDBFactory();
    vi.stubGlobal('indexedDB', factory);
    const net = smallSavedModel();
    await saveModelToIndexedDB(net, 'm');
    await listModelsInIndexedDB();
    (await loadModelFromIndexedDB('m')).dispose();
    await deleteModelFromIndexedDB('m');
    net.dispose();
    const outcome = await new Promise<string>((resolve) => {
      const request = factory.deleteDatabase('baihua-models');
      request.onblocked = () => resolve('blocked by a connection left open');
      request.onsuccess = () => resolve('deleted');
      request.onerror = () => resolve(`failed: ${request.error?.message}`);
    });
    expect(outcome).toBe('deleted');
  });

  test('a transaction that fails is refused, naming the function and mode', async () => {
    // A store whose unique index on `kind` lets one record in: the second save fails.
    const factory = new IDBFactory();
    vi.stubGlobal('indexedDB', factory);
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('baihua-models', 1);
      request.onupgradeneeded = () =>
        request.result.createObjectStore('models').createIndex('kind', 'kind', { unique: true });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const net = smallSavedModel();
    await saveModelToIndexedDB(net, 'first');
    await expect(saveModelToIndexedDB(net, 'second')).rejects.toThrow(
      'saveModelToIndexedDB: IndexedDB readwrite transaction failed: A mutation operation in the transaction ' +
        'failed because a constraint was not satisfied.',
    );
    expect((await listModelsInIndexedDB()).map((m) => m.key)).toEqual(['first']);
    net.dispose();
  });

  test('a database that cannot be opened is refused with the reason', async () => {
    const factory = new IDBFactory();
    vi.stubGlobal('indexedDB', factory);
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('newer', 2);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    await expect(listModelsInIndexedDB({ databaseName: 'newer' })).rejects.toThrow(
      "listModelsInIndexedDB: cannot open IndexedDB database 'newer': " +
        'An attempt was made to open a database using a lower version than the existing version.',
    );
  });
});
