// Core in a real browser (headless Debian Chromium): the browser build on cpu, wasm and webgpu,
// training, IndexedDB save/load across a page reload, downloads read back by Node, picked files,
// and every damaged-record case. Skipped with the reason when Chromium is missing, except on CI.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lineChartPng, loadModel, predict, serializeModel, useBackend, type BackendReport } from '../../src/index.js';
import { reportUnavailable, requiredOnCi } from '../../src/testing/required-on-ci.js';
import {
  browserUnavailableReason,
  openPage,
  runScenario,
  startBrowserSession,
  type BrowserSession,
} from './browser-harness.js';

interface Fingerprint {
  predictions: number[];
  weightsSha256: string;
  weightsByteLength: number;
}
interface Trained extends Fingerprint {
  backend: string;
  firstLoss: number;
  lastLoss: number;
  leaked: number;
}

const unavailable = browserUnavailableReason();
let session: BrowserSession;

async function downloads(
  count: number,
  trigger: () => Promise<unknown>,
): Promise<{ directory: string; names: string[]; result: unknown }> {
  const directory = mkdtempSync(join(tmpdir(), 'baihua-download-'));
  const names: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    session.page.on('download', (download) => {
      void download
        .saveAs(join(directory, download.suggestedFilename()))
        .then(() => {
          names.push(download.suggestedFilename());
          if (names.length === count) resolve();
        })
        .catch(reject);
    });
  });
  const result = await trigger();
  await done;
  session.page.removeAllListeners('download');
  return { directory, names: names.sort(), result };
}

if (unavailable !== undefined) {
  // On CI (or BAIHUA_REQUIRE_BROWSER=1) a missing Chromium fails; elsewhere it is one skipped test with the reason.
  reportUnavailable('Chromium for the browser tests', unavailable, requiredOnCi('BAIHUA_REQUIRE_BROWSER'));
} else {
  describe('in Chromium', () => {
    beforeAll(async () => {
      await useBackend('cpu');
      session = await startBrowserSession();
      await openPage(session);
    }, 120_000);
    afterAll(async () => {
      await session?.close();
    });

    for (const backend of ['cpu', 'wasm', 'webgpu'] as const) {
      describe(`browser: core's browser build [${backend}]`, () => {
        let trained: Trained;
        test('useBackend selects it in the page; fit trains; nothing but the weights is left', async () => {
          trained = await runScenario<Trained>(session, 'train', backend);
          expect(trained.backend).toBe(backend);
          expect(trained.lastLoss).toBeLessThan(trained.firstLoss * 0.2);
          expect(trained.leaked).toBe(0);
          expect(trained.predictions).toHaveLength(6);
        });

        test('saveModelToIndexedDB, page reload, loadModelFromIndexedDB: bit-exact', async () => {
          const saved = await runScenario<Fingerprint & { info: { key: string; weightsByteLength: number } }>(
            session,
            'saveToIndexedDB',
            `model-${backend}`,
          );
          expect(saved.info).toMatchObject({ key: `model-${backend}`, weightsByteLength: saved.weightsByteLength });
          expect(saved.weightsSha256).toBe(trained.weightsSha256);
          await openPage(session); // a new page: only IndexedDB remembers the model
          const loaded = await runScenario<Fingerprint & { numTensorsAfterDispose: number }>(
            session,
            'loadFromIndexedDB',
            backend,
            `model-${backend}`,
          );
          expect(loaded.weightsSha256).toBe(saved.weightsSha256);
          expect(loaded.predictions).toEqual(saved.predictions); // same backend, same weights: identical floats
          expect(loaded.numTensorsAfterDispose).toBe(0);
        });
      });
    }

    describe('browser: model storage, files and plots', () => {
      test('describeBackends in the page: cpu, wasm with SIMD, webgpu', async () => {
        const report = await runScenario<BackendReport>(session, 'backends');
        const byName = Object.fromEntries(report.backends.map((b) => [b.name, b]));
        expect(report.runtime).toMatch(/Chrom/);
        expect(byName.cpu?.available).toBe(true);
        expect(byName.wasm).toMatchObject({ available: true, wasm: { simd: true } });
        expect(byName.webgpu?.available).toBe(true);
        expect(byName.webgpu?.adapter?.vendor).toBeTruthy();
      });

      test('the same seed trains the same way on cpu, wasm and webgpu in the page', async () => {
        const runs: Trained[] = [];
        for (const backend of ['cpu', 'wasm', 'webgpu'])
          runs.push(await runScenario<Trained>(session, 'train', backend));
        const [cpu, ...others] = runs as [Trained, ...Trained[]];
        for (const other of others) {
          expect(other.firstLoss).toBeCloseTo(cpu.firstLoss, 5);
          expect(Math.abs(other.lastLoss - cpu.lastLoss)).toBeLessThan(1e-4);
          other.predictions.forEach((p, i) => expect(Math.abs(p - (cpu.predictions[i] as number))).toBeLessThan(1e-3));
        }
      });

      test("useBackend('wasm', { wasmPaths }) in a bundle that imports the wasm backend: a clear failure", async () => {
        await openPage(session); // fresh page: wasm not initialised yet
        const message = await runScenario<string>(session, 'wasmPathsOption');
        expect(message).toMatch(
          /^BackendUnavailableError: .*the wasmPaths option cannot be applied.*setWasmPaths\('\/elsewhere\/'\)/s,
        );
      });

      test('lineChartPng draws the same bytes in the page as in Node', async () => {
        const values = [2.3, 1.1, 0.61, 0.4, 0.22, 0.15, 0.09];
        const inPage = await runScenario<number[]>(session, 'chartPng', values);
        const inNode = lineChartPng([{ name: 'loss', values }], { title: 'Loss', xLabel: 'epoch', logY: true });
        expect(inPage.slice(0, 8)).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(inPage).toEqual(Array.from(inNode));
      });

      test('damaged or hostile IndexedDB records are refused with a clear error; nothing leaks', async () => {
        await runScenario(session, 'train', 'cpu');
        const { messages, leaked, polluted } = await runScenario<{
          messages: Record<string, string>;
          leaked: number;
          polluted: boolean;
        }>(session, 'damagedRecords');
        expect(messages.notAModel).toMatch(
          /^ArgumentError: loadModelFromIndexedDB: the record under key 'notAModel' is not a saved baihua model/,
        );
        expect(messages.truncated).toMatch(/^ArgumentError: loadModelFromIndexedDB: sizes do not add up: /);
        expect(messages.truncated).toContain('the manifest describes 200 bytes of weights, the weights buffer has 196');
        expect(messages.unknownLayer).toMatch(/^ArgumentError: loadModelFromIndexedDB: cannot rebuild the model: /);
        expect(messages.unknownLayer).toContain('layerFromConfig: unknown layer type "EvilLayer"');
        expect(messages.prototypeKey).toMatch(
          /^ArgumentError: loadModelFromIndexedDB: malformed topology: forbidden key '__proto__'/,
        );
        expect(messages.notJson).toMatch(/^ArgumentError: loadModelFromIndexedDB: malformed topology: not valid JSON/);
        expect(messages.nonFinite).toMatch(
          /^ArgumentError: loadModelFromIndexedDB: expected finite weights, got NaN in '.*\/kernel' at flat index 0 /,
        );
        expect(messages.nonFiniteAllowed).toBe('loaded, first weight NaN');
        expect(messages.missing).toMatch(
          /^ArgumentError: loadModelFromIndexedDB: no model is saved under key 'missing' \(saved: .*'good'/,
        );
        expect(Object.values(messages).filter((m) => m.includes('expected key to be a non-empty string'))).toHaveLength(
          1,
        );
        expect(
          Object.values(messages).filter((m) => m.includes('expected options.databaseName to be a non-empty string')),
        ).toHaveLength(1);
        expect(leaked).toBe(0);
        expect(polluted).toBe(false);
      });

      test('listModelsInIndexedDB and deleteModelFromIndexedDB', async () => {
        const result = await runScenario<{
          listed: { key: string; savedAt: string }[];
          deleted: boolean;
          deletedAgain: boolean;
          after: { key: string }[];
        }>(session, 'listAndDelete', 'good');
        expect(result.listed.map((m) => m.key)).toEqual(
          expect.arrayContaining(['good', 'model-cpu', 'model-wasm', 'model-webgpu']),
        );
        expect(Number.isNaN(Date.parse(result.listed.find((m) => m.key === 'good')?.savedAt ?? ''))).toBe(false);
        expect(result.deleted).toBe(true);
        expect(result.deletedAgain).toBe(false);
        expect(result.after.map((m) => m.key)).not.toContain('good');
      });

      test("downloadModel: model.json + weights.bin that Node's loadModel reads bit-exactly", async () => {
        await runScenario(session, 'train', 'cpu');
        const { directory, names, result } = await downloads(2, () => runScenario<Fingerprint>(session, 'download'));
        try {
          const inBrowser = result as Fingerprint;
          expect(names).toEqual(['model.json', 'weights.bin']);
          expect(
            createHash('sha256')
              .update(readFileSync(join(directory, 'weights.bin')))
              .digest('hex'),
          ).toBe(inBrowser.weightsSha256);
          const model = await loadModel(directory);
          const probe = tf.tensor2d([
            [0.5, -1, 2],
            [0, 0.25, -0.75],
            [3, 1, -2],
          ]);
          const out = predict(model, probe);
          // cpu in Node = cpu in Chromium, bit for bit
          expect(Array.from(await out.data())).toEqual(inBrowser.predictions);
          const again = await serializeModel(model);
          expect(createHash('sha256').update(new Uint8Array(again.weights)).digest('hex')).toBe(
            inBrowser.weightsSha256,
          );
          tf.dispose([probe, out]);
          model.dispose();

          // The user picks the two files in an <input type=file multiple>: the same model comes back.
          await session.page.setInputFiles('#files', [join(directory, 'model.json'), join(directory, 'weights.bin')]);
          const picked = await runScenario<Fingerprint & { wrongPick: string }>(session, 'loadFromPickedFiles');
          expect(picked.weightsSha256).toBe(inBrowser.weightsSha256);
          expect(picked.predictions).toEqual(inBrowser.predictions);
          expect(picked.wrongPick).toMatch(
            /^ArgumentError: loadModelFromFiles: expected exactly one \.json file \(the topology\), got 2 among /,
          );
          expect(picked.wrongPick).toContain("got 2 among 'model.json', 'weights.bin', 'model.json', 'weights.bin'");
        } finally {
          rmSync(directory, { recursive: true, force: true });
        }
      });

      test('downloadModel with custom file names', async () => {
        const { directory, names } = await downloads(2, () =>
          runScenario(session, 'download', 'digits.json', 'digits.bin'),
        );
        rmSync(directory, { recursive: true, force: true });
        expect(names).toEqual(['digits.bin', 'digits.json']);
      });
    });
  });
}
