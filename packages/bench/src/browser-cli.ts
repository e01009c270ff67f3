#!/usr/bin/env node
// `pnpm bench:browser`: the bench page of examples/web in headless Chromium; the same table and
// files as `pnpm bench`, written to results/browser/. The implementation is node/browser-runner.ts.
import { fileURLToPath } from 'node:url';
import { runBrowserBenchCli } from './node/browser-runner.js';

const siteFolder =
  process.env.BAIHUA_BENCH_SITE ?? fileURLToPath(new URL('../../../examples/web/dist', import.meta.url));
const outFolder = process.env.BAIHUA_BENCH_OUT ?? fileURLToPath(new URL('../results/browser', import.meta.url));
runBrowserBenchCli(process.argv.slice(2), { siteFolder, outFolder })
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`bench:browser failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
