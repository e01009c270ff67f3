import { benchReportSchemaId, type BenchReport } from './bench-report.js';

type Check = (value: unknown, path: string, problems: string[]) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const number: Check = (value, path, problems) => {
  if (typeof value !== 'number' || Number.isNaN(value))
    problems.push(`${path}: expected a number, got ${JSON.stringify(value)}`);
};
const string: Check = (value, path, problems) => {
  if (typeof value !== 'string') problems.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
};
const boolean: Check = (value, path, problems) => {
  if (typeof value !== 'boolean') problems.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
};
const oneOf =
  (...allowed: string[]): Check =>
  (value, path, problems) => {
    if (typeof value !== 'string' || !allowed.includes(value))
      problems.push(`${path}: expected one of ${allowed.join('|')}, got ${JSON.stringify(value)}`);
  };
const arrayOf =
  (item: Check): Check =>
  (value, path, problems) => {
    if (!Array.isArray(value)) problems.push(`${path}: expected an array, got ${JSON.stringify(value)}`);
    else value.forEach((entry, index) => item(entry, `${path}[${index}]`, problems));
  };
const recordOf =
  (item: Check): Check =>
  (value, path, problems) => {
    if (!isObject(value)) problems.push(`${path}: expected an object, got ${JSON.stringify(value)}`);
    else for (const [key, entry] of Object.entries(value)) item(entry, `${path}.${key}`, problems);
  };
const scalar: Check = (value, path, problems) => {
  if (!['number', 'string', 'boolean'].includes(typeof value))
    problems.push(`${path}: expected a number, string or boolean, got ${JSON.stringify(value)}`);
};
/** An object with required and optional fields (extra fields are allowed). */
const shape =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (value, path, problems) => {
    if (!isObject(value)) {
      problems.push(`${path}: expected an object, got ${JSON.stringify(value)}`);
      return;
    }
    for (const [key, check] of Object.entries(required)) {
      if (!(key in value)) problems.push(`${path}.${key}: missing`);
      else check(value[key], `${path}.${key}`, problems);
    }
    for (const [key, check] of Object.entries(optional))
      if (value[key] !== undefined) check(value[key], `${path}.${key}`, problems);
  };

const summary = shape({ count: number, mean: number, median: number, p95: number, min: number, max: number });
const row = shape(
  {
    caseId: string,
    suite: oneOf('ops', 'models', 'seed'),
    title: string,
    implementation: oneOf('ours', 'stock', 'ort-node', 'ort-wasm'),
    compareKey: string,
    backend: string,
    params: recordOf(scalar),
    status: oneOf('ok', 'wrong', 'error', 'skipped'),
  },
  {
    message: string,
    coldMs: number,
    warm: summary,
    flops: number,
    gflops: number,
    metrics: recordOf(number),
    vsCpu: number,
    vsStock: number,
    vsOrt: recordOf(number),
    correctness: shape(
      { ok: boolean, reference: string, maxAbsError: number, allowedError: number },
      { detail: string },
    ),
    memory: shape(
      { tensorsLeaked: number, tensorsLeakedPerRun: number, bytesLeaked: number },
      { hostBytesDelta: number },
    ),
  },
);
const backendDescription = shape(
  { name: string, available: boolean },
  {
    reason: string,
    wasm: shape({ simd: boolean, threads: boolean }, { threadsCount: number, threadsNote: string }),
    adapter: shape({ vendor: string, architecture: string, device: string, description: string, isSoftware: boolean }),
  },
);
const report = shape(
  {
    schema: oneOf(benchReportSchemaId),
    createdAt: string,
    mode: oneOf('quick', 'full'),
    suites: arrayOf(oneOf('ops', 'models', 'seed')),
    backends: arrayOf(string),
    timing: shape({ timeMs: number, iterations: number, warmupIterations: number, caseBudgetMs: number }),
    wallMs: number,
    environment: shape(
      { backends: shape({ runtime: string, backends: arrayOf(backendDescription) }) },
      {
        node: string,
        platform: string,
        cpuModel: string,
        cpuCores: number,
        totalMemoryBytes: number,
        glibcTunables: string,
      },
    ),
    rows: arrayOf(row),
  },
  { referenceBackend: string },
);

/**
 * Checks a parsed JSON value against the bench report schema (`baihua-bench/1`, documented in the
 * package README) and returns the problems found, each with its path; empty means valid.
 *
 * @example
 * const problems = validateBenchReport(JSON.parse(text));
 * if (problems.length) throw new Error(problems.join('\n'));
 *
 * In plain words: is this file really a bench report we can read?
 */
export function validateBenchReport(value: unknown): string[] {
  const problems: string[] = [];
  report(value, 'report', problems);
  return problems;
}

/** Like {@link validateBenchReport}, but returns the typed report or throws with every problem listed. */
export function parseBenchReport(value: unknown, source = 'report'): BenchReport {
  const problems = validateBenchReport(value);
  if (problems.length > 0)
    throw new Error(
      `${source} is not a baihua bench report (${benchReportSchemaId}):\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  return value as BenchReport;
}
