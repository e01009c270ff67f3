import type { BenchMode, SuiteName } from './bench-case.js';

/** The command line, parsed. */
export interface BenchArguments {
  suites: SuiteName[];
  backends: string[];
  mode: BenchMode;
  /** Print the JSON report on stdout (instead of the table). */
  json: boolean;
  /** Reports to compare: one (run now, then compare with it) or two (compare them, no run). */
  compare: string[];
  /** Output folder; default results/latest. */
  out?: string;
  /** Only cases whose id or title contains this text (case-insensitive). */
  filter?: string;
  /** The backend whose results every row is checked against (default cpu). */
  reference?: string;
  help: boolean;
}

const allSuites: SuiteName[] = ['ops', 'models', 'seed'];
const allBackends = ['cpu', 'wasm', 'webgpu'];

/** The CLI's usage text. */
export const benchUsage = `Usage: pnpm bench [-- options]
  --suite <names>     ops, models, seed (comma-separated or repeated; default: all)
  --backends <names>  cpu, wasm, webgpu (comma-separated; default: all three; unavailable ones are reported)
  --full              larger sizes and longer timing (default: the quick run, under 3 minutes on 2 cores)
  --json              print the JSON report on stdout instead of the table
  --compare <a.json> [b.json]  one file: run, then show the change from it; two: compare them, no run
  --out <dir>         output folder (default: packages/bench/results/latest)
  --filter <text>     only cases whose id or title contains the text, any case (ids: ops/matMul/256/stock)
  --reference <name>  the backend each row's results are checked against (default: cpu; wasm saves minutes
                      per row at the recurrent anchor shape, where cpu's untimed reference run is slow)
  --help              this text`;

/**
 * Parses the bench command line (arguments after `pnpm bench --`).
 *
 * @example parseBenchArguments(['--suite', 'ops', '--backends', 'cpu,wasm', '--full'])
 *
 * In plain words: what the person asked the bench to do.
 * @throws Error naming the flag and what was expected.
 */
export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  const parsed: BenchArguments = { suites: [], backends: [], mode: 'quick', json: false, compare: [], help: false };
  const args = argv.filter((arg) => arg !== '--');
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++index];
      if (next === undefined || next.startsWith('--'))
        throw new Error(`bench: ${flag} expects a value, got ${next === undefined ? 'nothing' : next}`);
      return next;
    };
    switch (flag) {
      case '--suite':
      case '--suites':
        for (const name of value().split(',').filter(Boolean)) {
          if (!allSuites.includes(name as SuiteName))
            throw new Error(`bench: --suite expects one of ${allSuites.join(', ')}, got '${name}'`);
          parsed.suites.push(name as SuiteName);
        }
        break;
      case '--backends':
      case '--backend':
        parsed.backends.push(...value().split(',').filter(Boolean));
        break;
      case '--full':
        parsed.mode = 'full';
        break;
      case '--quick':
        parsed.mode = 'quick';
        break;
      case '--json':
        parsed.json = true;
        break;
      case '--compare':
        parsed.compare.push(value());
        while (
          args[index + 1] !== undefined &&
          !(args[index + 1] as string).startsWith('--') &&
          parsed.compare.length < 2
        )
          parsed.compare.push(args[++index] as string);
        break;
      case '--out':
        parsed.out = value();
        break;
      case '--filter':
        parsed.filter = value();
        break;
      case '--reference': {
        const reference = value();
        if (!allBackends.includes(reference))
          throw new Error(`bench: --reference expects one of ${allBackends.join(', ')}, got '${reference}'`);
        parsed.reference = reference;
        break;
      }
      case '--help':
      case '-h':
        parsed.help = true;
        break;
      default:
        throw new Error(`bench: unknown option '${arg}'. ${benchUsage}`);
    }
  }
  if (parsed.suites.length === 0) parsed.suites = [...allSuites];
  if (parsed.backends.length === 0) parsed.backends = [...allBackends];
  parsed.suites = [...new Set(parsed.suites)];
  parsed.backends = [...new Set(parsed.backends)];
  return parsed;
}
