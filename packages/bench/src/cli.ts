#!/usr/bin/env node
// `pnpm bench`: runs the suites on every backend and writes results/latest/. Node-only code lives
// here and in node/; the harness itself (harness/, report/, suites/) runs anywhere tfjs does.
import { fileURLToPath } from 'node:url';
import { runCli } from './node/main.js';

const outFolder = process.env.BAIHUA_BENCH_OUT ?? fileURLToPath(new URL('../results/latest', import.meta.url));
runCli(process.argv.slice(2), { outFolder })
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    // Dawn (webgpu) keeps the event loop alive: always exit explicitly.
    process.exit(1);
  });
