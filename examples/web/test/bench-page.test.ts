// End to end in Chromium, against the built site served by `vite preview`: the Bench page runs a small
// suite (softmax cross-entropy, stock and ours) on cpu, wasm and webgpu (SwiftShader here) from the
// keyboard, every result checked against cpu; its table, problems, charts, machine panel, JSON
// download, compare view and phone width. Screenshots go to test-results/screenshots/ (bench*.png).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BenchReport, parseBenchReport } from '@baihua/bench/browser';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import {
  openSitePage,
  screenshotFolder,
  siteUnavailableReason,
  startSiteSession,
  type SiteSession,
} from './site-session.js';

const unavailable = siteUnavailableReason();
if (unavailable !== undefined)
  reportUnavailable('Chromium for the bench page tests', unavailable, requiredOnCi('BAIHUA_REQUIRE_BROWSER'));
else
  describe('the Bench page in Chromium', () => {
    let session: SiteSession;
    let folder: string;
    let report: BenchReport;
    let downloaded: string;
    const cells = (selector: string) =>
      session.page.$$eval(selector, (rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
      );

    beforeAll(async () => {
      session = await startSiteSession();
      folder = mkdtempSync(join(tmpdir(), 'baihua-bench-page-'));
    }, 120_000);
    afterAll(async () => {
      await session?.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    test('the machine panel names the WebGPU adapter and the wasm thread count, cross-origin isolated', async () => {
      await openSitePage(session, '/bench/');
      const { page } = session;
      await page.locator('#machine[data-ready]').waitFor({ timeout: 60_000 });
      const adapter = await page.getAttribute('#machine [data-adapter]', 'data-adapter');
      expect(adapter).toMatch(/\S/);
      expect(Number(await page.getAttribute('#machine [data-threads]', 'data-threads'))).toBeGreaterThanOrEqual(1);
      expect(await page.textContent('#machine')).toContain('Cross-origin isolated: yes');
    });

    test('a small suite on cpu, wasm and webgpu, chosen and started from the keyboard: every check green', async () => {
      const { page } = session;
      // Only ops: Tab from the first suite box to the next ones and untick them with Space.
      await page.focus('input[name=suite][value=models]');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.focus('#filter');
      await page.keyboard.type('softmax CE');
      await page.keyboard.press('Enter');
      await page.locator('body[data-bench-state=done]').waitFor({ timeout: 240_000 });
      report = await page.evaluate(() =>
        (globalThis as unknown as { baihuaBench: { report(): BenchReport } }).baihuaBench.report(),
      );
      expect(report.suites).toEqual(['ops']);
      expect(report.backends).toEqual(['cpu', 'wasm', 'webgpu']);
      expect(report.rows.map((row) => `${row.implementation} ${row.backend} ${row.status}`)).toEqual([
        'stock cpu ok',
        'stock wasm ok',
        'stock webgpu ok',
        'ours cpu ok',
        'ours wasm ok',
        'ours webgpu ok',
      ]);
      for (const row of report.rows.filter((r) => r.backend !== 'cpu')) expect(row.correctness?.ok).toBe(true);
      for (const row of report.rows.filter((r) => r.implementation === 'ours')) expect(row.vsStock).toBeGreaterThan(0);
      const webgpu = report.environment.backends.backends.find((backend) => backend.name === 'webgpu');
      expect(webgpu?.adapter).toBeDefined();
      // The table: one line per case, a column per backend, the ours/stock ratios on the ours line.
      const header = await cells('#summary thead tr');
      expect(header[0]).toEqual(expect.arrayContaining(['cpu ms', 'wasm ms', 'webgpu ms', 'ours/stock']));
      const body = await cells('#summary tbody tr');
      expect(body.map((row) => row[2])).toEqual(['stock', 'ours']);
      expect(body[1]?.at(-1)).toMatch(/^cpu \S+x, wasm \S+x, webgpu \S+x$/);
      expect(await page.textContent('#problems')).toContain('None');
      const charts = await page.$$eval('#charts img', (images) =>
        images.map((image) => (image as HTMLImageElement).naturalWidth),
      );
      expect(charts).toHaveLength(3);
      for (const width of charts) expect(width).toBeGreaterThan(0);
      await page.screenshot({ path: join(screenshotFolder, 'bench.png'), fullPage: true });
    });

    test('the JSON download is the report, valid for pnpm bench --compare', async () => {
      const { page } = session;
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      downloaded = join(folder, download.suggestedFilename());
      await download.saveAs(downloaded);
      expect(download.suggestedFilename()).toMatch(/^baihua-bench-browser-.*\.json$/);
      expect(parseBenchReport(JSON.parse(readFileSync(downloaded, 'utf8')), 'download')).toEqual(report);
    });

    test('compare: the same rows side by side with second / first and a verdict per row', async () => {
      const { page } = session;
      // A second report whose webgpu rows took twice as long, and one of them a failure.
      const slower = structuredClone(report);
      for (const row of slower.rows.filter((r) => r.backend === 'webgpu' && r.warm))
        if (row.warm) row.warm = { ...row.warm, median: row.warm.median * 2 };
      const failed = slower.rows.find((row) => row.implementation === 'ours' && row.backend === 'wasm');
      if (failed) {
        Object.assign(failed, { status: 'error', message: 'a failure made up by the test' });
        delete failed.warm;
      }
      const second = join(folder, 'slower.json');
      writeFileSync(second, JSON.stringify(slower));
      await page.setInputFiles('#compare-first', downloaded);
      await page.setInputFiles('#compare-second', second);
      await page.locator('#compare-status[data-rows="6"]').waitFor({ timeout: 10_000 });
      const rows = await cells('#comparison tbody tr');
      const byKey = new Map(rows.map((row) => [`${row[1]} ${row[2]}`, row]));
      expect(byKey.get('stock webgpu')?.slice(5)).toEqual(['2.0x', 'slower']);
      expect(byKey.get('ours webgpu')?.slice(5)).toEqual(['2.0x', 'slower']);
      expect(byKey.get('stock cpu')?.slice(5)).toEqual(['1.0x', 'same']);
      expect(byKey.get('ours wasm')?.[4]).toBe('error');
      expect(byKey.get('ours wasm')?.slice(5)).toEqual(['-', 'ok -> error']);
      expect(await page.textContent('#compare-machines')).toContain('webgpu:');
      await page.locator('section[aria-labelledby=compare-title]').screenshot({
        path: join(screenshotFolder, 'bench-compare.png'),
      });
      // This page's last run as the second: every row the same.
      await page.click('#compare-last');
      await page.waitForFunction(() =>
        document.querySelector('#comparison caption')?.textContent?.includes('last run'),
      );
      for (const row of await cells('#comparison tbody tr')) expect(row.slice(5)).toEqual(['1.0x', 'same']);
      // A file that is not a report is refused with its name.
      const broken = join(folder, 'broken.json');
      writeFileSync(broken, '{"schema":"baihua-bench/1"}');
      await page.setInputFiles('#compare-second', broken);
      await page.waitForFunction(() => document.querySelector('#compare-status')?.textContent?.startsWith('Cannot'));
      expect(await page.textContent('#compare-status')).toMatch(/Cannot compare: .*broken\.json/);
      expect(await page.$$('#comparison tr')).toHaveLength(0);
    });

    test('phone width: nothing scrolls sideways but the tables inside their boxes', async () => {
      const { page } = session;
      await page.setViewportSize({ width: 360, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshotFolder, 'bench-phone.png'), fullPage: true });
      await page.setViewportSize({ width: 1100, height: 900 });
    });
  });
