// End to end in Chromium, against the built site served by `vite preview`: the header, drawing real
// held-out MNIST digits with the mouse (and a stroke with the keyboard), the backend switch,
// training with its live chart and pause, save / reload / load, and the downloaded files read back
// by Node's loadModel. Screenshots go to test-results/screenshots/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@baihua/cnn';
import { loadModel, predict, useBackend } from '@baihua/core';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import { drawDigit, heldOutDigits, readProbabilities } from './mnist-strokes.js';
import {
  openSitePage,
  screenshotFolder,
  siteUnavailableReason,
  startDevServer,
  startSiteSession,
  type SiteSession,
} from './site-session.js';

const unavailable = siteUnavailableReason();
if (unavailable !== undefined)
  reportUnavailable('Chromium for the site tests', unavailable, requiredOnCi('BAIHUA_REQUIRE_BROWSER'));
else
  describe('the site in Chromium', () => {
    let session: SiteSession;
    const digits = heldOutDigits();
    // The first held-out digit of each class.
    const firstOf = Array.from(
      { length: 10 },
      (_, label) => digits.find((d) => d.label === label) as (typeof digits)[number],
    );
    const maxDifference = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))));
    const shot = (name: string) => session.page.screenshot({ path: join(screenshotFolder, name), fullPage: true });
    let pageHeldOutAccuracy = Number.NaN;
    // Tensors alive beyond the model's weights: none, after any action; a leak makes it grow.
    const extraTensors = () =>
      session.page.evaluate(() => {
        const hook = (globalThis as unknown as { baihuaDigits: { tensors(): number; weights(): number } }).baihuaDigits;
        return hook.tensors() - hook.weights();
      });

    beforeAll(async () => {
      session = await startSiteSession();
    }, 120_000);
    afterAll(async () => {
      await session?.close();
    });

    test('home page: the header names the backends, cross-origin isolation and the wasm threads', async () => {
      await openSitePage(session, '/');
      const report = session.page.locator('#backend-report[data-ready]');
      await report.waitFor({ timeout: 60_000 });
      const text = await report.textContent();
      expect(text).toContain('cpu: yes');
      expect(text).toMatch(/wasm: yes \(SIMD on, threads on\)/);
      expect(text).toMatch(/webgpu: yes/);
      expect(text).toContain('Cross-origin isolated: yes');
      const active = session.page.locator('#active-backend');
      expect(await active.getAttribute('data-backend')).toBe('wasm');
      expect(Number(await active.getAttribute('data-threads'))).toBeGreaterThanOrEqual(1);
      await shot('home.png');
    });

    test('digits: ten held-out digits drawn with the mouse are read right by the pretrained model', async () => {
      await openSitePage(session, '/digits/');
      expect(await session.page.getAttribute('#model-status', 'data-source')).toBe('pretrained');
      const read: string[] = [];
      for (const digit of firstOf) {
        const strokes = await drawDigit(session.page, digit.values);
        expect(strokes).toBeGreaterThan(5);
        const probabilities = await readProbabilities(session.page);
        const best = probabilities.indexOf(Math.max(...probabilities));
        read.push(`${digit.label}->${best}`);
      }
      expect(read).toEqual(firstOf.map((d) => `${d.label}->${d.label}`));
      expect(await extraTensors()).toBe(0);
      await drawDigit(session.page, (firstOf[0] as (typeof digits)[number]).values);
      await readProbabilities(session.page);
      expect(await extraTensors()).toBe(0); // predicting leaks nothing
      await shot('digits.png');
    });

    test('digits: a vertical stroke drawn with the keyboard reads as 1', async () => {
      const { page } = session;
      await page.click('#clear');
      await page.focus('#pad');
      for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Space');
      for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await readProbabilities(page);
      expect(await page.getAttribute('#prediction', 'data-digit')).toBe('1');
    });

    test('backend switch: cpu, webgpu and wasm give the same probabilities for a drawn digit', async () => {
      const { page } = session;
      await drawDigit(page, (firstOf[3] as (typeof digits)[number]).values);
      const onWasm = await readProbabilities(page);
      for (const backend of ['cpu', 'webgpu', 'wasm']) {
        await page.selectOption('#backend', backend);
        await page.waitForSelector(`body[data-backend="${backend}"]`, { timeout: 60_000 });
        await page.waitForSelector(`#active-backend[data-backend="${backend}"]`);
        const probabilities = await readProbabilities(page);
        expect(maxDifference(probabilities, onWasm), backend).toBeLessThan(1e-3);
        expect(probabilities.indexOf(Math.max(...probabilities))).toBe(3);
      }
      expect(await extraTensors()).toBe(0); // the old backends' models were disposed
    });

    test('training: two epochs on 512 digits; the chart grows, pause holds it, the loss falls', async () => {
      const { page } = session;
      await page.fill('#train-count', '512');
      await page.fill('#epochs', '2');
      await page.fill('#batch-size', '32');
      // Pause is pressed from the page the moment the first loss point appears (a mutation observer):
      // the first batch's check has passed by then, so training must hold after exactly two batches.
      await page.evaluate(() => {
        const chart = document.getElementById('chart') as HTMLElement;
        const observer = new MutationObserver(() => {
          if (Number(chart.dataset.lossPoints) < 1) return;
          observer.disconnect();
          (document.getElementById('pause') as HTMLButtonElement).click();
        });
        observer.observe(chart, { attributes: true, attributeFilter: ['data-loss-points'] });
        (document.getElementById('train') as HTMLButtonElement).click();
      });
      const points = async () => Number(await page.getAttribute('#chart', 'data-loss-points'));
      await page.waitForSelector('body[data-paused="true"]');
      await page.waitForFunction(() => document.getElementById('chart')?.dataset.lossPoints === '2');
      await page.waitForTimeout(1000);
      expect(await points()).toBe(2);
      for (const id of ['train', 'backend', 'save', 'load', 'download', 'pretrained', 'files'])
        expect(await page.isDisabled(`#${id}`), `#${id} while training`).toBe(true);
      expect(await page.getAttribute('#pause', 'aria-pressed')).toBe('true');
      await page.click('#pause');
      await page.waitForFunction(() => document.body.dataset.training === undefined, undefined, { timeout: 90_000 });
      expect(await points()).toBe(32); // 512 / 32 batches, two epochs
      expect(await page.isDisabled('#load')).toBe(false);
      expect(await page.getAttribute('#chart', 'data-epochs')).toBe('2');
      expect(await page.locator('#chart circle.loss-point').count()).toBe(32);
      const rows = await page.$$eval('#epoch-rows tr', (trs) =>
        trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)),
      );
      expect(rows.length).toBe(2);
      const [first, second] = rows.map((cells) => Number(cells[1]));
      expect(second).toBeLessThan(first as number);
      pageHeldOutAccuracy = Number.parseFloat(rows[1]?.[3] ?? '') / 100;
      expect(pageHeldOutAccuracy).toBeGreaterThan(0.4); // 512 digits, 2 epochs: four times chance
      expect(await page.getAttribute('#model-status', 'data-source')).toBe('trained in this page');
      expect(await extraTensors()).toBe(0); // data, optimiser and old model freed
      await shot('digits-training.png');
    });

    test("download: Node's loadModel scores the page's held-out accuracy; the page reopens the files", async () => {
      const { page } = session;
      const folder = mkdtempSync(join(tmpdir(), 'baihua-web-download-'));
      try {
        await drawDigit(page, (firstOf[5] as (typeof digits)[number]).values);
        const trained = await readProbabilities(page);
        const downloads: Promise<string>[] = [];
        page.on('download', (download) => {
          const path = join(folder, download.suggestedFilename());
          downloads.push(download.saveAs(path).then(() => download.suggestedFilename()));
        });
        await page.click('#download');
        await page.waitForFunction(() =>
          document.getElementById('model-status')?.textContent?.startsWith('Downloaded'),
        );
        await expect.poll(() => downloads.length).toBe(2);
        expect((await Promise.all(downloads)).sort()).toEqual(['model.json', 'weights.bin']);
        await useBackend('cpu');
        const model = await loadModel(folder);
        // The page checks each epoch on held-out digits 8,000 to 8,499, framed 32x32.
        const x = tf.tidy(() =>
          tf.pad(tf.tensor4d(Float32Array.from(digits.slice(0, 500).flatMap((d) => [...d.values])), [500, 28, 28, 1]), [
            [0, 0],
            [2, 2],
            [2, 2],
            [0, 0],
          ]),
        );
        const logits = predict(model, x);
        const classes = tf.argMax(logits, -1);
        const guesses = await classes.data();
        const accuracy = digits.slice(0, 500).filter((d, i) => guesses[i] === d.label).length / 500;
        tf.dispose([x, logits, classes]);
        model.dispose();
        expect(Math.abs(accuracy - pageHeldOutAccuracy)).toBeLessThanOrEqual(0.004); // 2 of 500: cpu vs wasm
        // The same files opened in the page (after going back to the pretrained model) predict as before.
        await page.click('#pretrained');
        await page.waitForSelector('#model-status[data-source="pretrained"]');
        expect(maxDifference(await readProbabilities(page), trained)).toBeGreaterThan(1e-2);
        await page.setInputFiles('#files', [join(folder, 'model.json'), join(folder, 'weights.bin')]);
        await page.waitForSelector('#model-status[data-source="opened from files"]');
        expect(maxDifference(await readProbabilities(page), trained)).toBeLessThan(1e-6);
        expect(await extraTensors()).toBe(0);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    test('save, reload, load: the model saved in IndexedDB predicts as before', async () => {
      const { page } = session;
      const digit = (firstOf[7] as (typeof digits)[number]).values;
      await drawDigit(page, digit);
      const trained = await readProbabilities(page);
      await page.click('#save');
      await page.waitForSelector('#model-status[data-saved]');
      await openSitePage(session, '/digits/');
      await drawDigit(page, digit);
      const pretrained = await readProbabilities(page);
      expect(maxDifference(pretrained, trained)).toBeGreaterThan(1e-2); // a different model after the reload
      await page.click('#load');
      await page.waitForSelector('#model-status[data-source="loaded from this browser"]');
      const loaded = await readProbabilities(page);
      expect(maxDifference(loaded, trained)).toBeLessThan(1e-5);
      expect(await extraTensors()).toBe(0); // the pretrained model was freed
    });

    test('phone width: the digits page fits 390 px without sideways scrolling', async () => {
      const { page } = session;
      await page.setViewportSize({ width: 390, height: 844 });
      await openSitePage(session, '/digits/');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await drawDigit(page, (firstOf[2] as (typeof digits)[number]).values);
      expect(await page.getAttribute('#prediction', 'data-digit')).toBe('2');
      await shot('digits-phone.png');
    });

    test('dev server: `vite` serves the Digits page isolated, and it reads a drawn digit', async () => {
      const dev = await startDevServer();
      try {
        const { page } = session;
        await page.setViewportSize({ width: 1100, height: 900 });
        await openSitePage(session, new URL('/digits/', dev.url).href);
        expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
        await drawDigit(page, (firstOf[6] as (typeof digits)[number]).values);
        await readProbabilities(page);
        expect(await page.getAttribute('#prediction', 'data-digit')).toBe('6');
      } finally {
        dev.close();
      }
    });
  });
