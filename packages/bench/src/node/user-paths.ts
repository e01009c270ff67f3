import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchReport } from '../harness/bench-report.js';
import { parseBenchReport } from '../harness/validate-report.js';

/**
 * A path from the command line, relative to where the user typed it (pnpm sets INIT_CWD; the
 * script itself runs in packages/bench).
 *
 * @example userPath('old/report.json') // '/home/me/repo/old/report.json' when typed in /home/me/repo
 *
 * In plain words: the file the person meant, wherever the script runs.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/**
 * Reads and validates a report.json named on the command line.
 *
 * @example const baseline = readUserReport('results/latest/report.json');
 *
 * In plain words: an earlier run, checked before it is compared.
 */
export function readUserReport(path: string): BenchReport {
  return parseBenchReport(JSON.parse(readFileSync(userPath(path), 'utf8')), path);
}
