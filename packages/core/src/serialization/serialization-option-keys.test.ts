import { expect, test } from 'vitest';
import { Dense } from '../layers/index.js';
import {
  deleteModelFromIndexedDB,
  downloadModel,
  listModelsInIndexedDB,
  loadModelFromIndexedDB,
  saveModelToIndexedDB,
} from './index.js';

// The browser-only savers and loaders check their options before they touch IndexedDB or the page,
// so the checks run in Node too.
test('browser storage functions refuse unknown option keys, suggesting the known one', async () => {
  const model = new Dense({ units: 1 });
  await expect(downloadModel(model, { filenames: {} } as never)).rejects.toThrow(
    /downloadModel: unknown key 'filenames' in options \(did you mean 'fileNames'\?/,
  );
  await expect(downloadModel(model, { fileNames: { topologie: 'a.json' } } as never)).rejects.toThrow(
    /downloadModel: unknown key 'topologie' in options\.fileNames \(did you mean 'topology'\?/,
  );
  await expect(saveModelToIndexedDB(model, 'm', { database: 'x' } as never)).rejects.toThrow(
    /saveModelToIndexedDB: unknown key 'database' in options \(did you mean 'databaseName'\?/,
  );
  await expect(loadModelFromIndexedDB('m', { allowNonFinit: true } as never)).rejects.toThrow(
    /loadModelFromIndexedDB: unknown key 'allowNonFinit' in options \(did you mean 'allowNonFinite'\?/,
  );
  await expect(listModelsInIndexedDB({ databasename: 'x' } as never)).rejects.toThrow(
    /listModelsInIndexedDB: unknown key 'databasename' in options \(did you mean 'databaseName'\?/,
  );
  await expect(deleteModelFromIndexedDB('m', { db: 'x' } as never)).rejects.toThrow(
    /deleteModelFromIndexedDB: unknown key 'db' in options/,
  );
  model.dispose();
});
