// The Bench page: runs the suites of `pnpm bench` here (runBenchInBrowser from @baihua/bench/browser),
// shows the same table, problems and charts, names the machine (WebGPU adapter, wasm threads), offers
// the JSON report for download, and compares two reports. `globalThis.baihuaBench` lets a script
// (`pnpm bench:browser`, the end-to-end test) run it as the Run button does.
import '../shared/site.css';
import './bench.css';
import {
  type BenchPageHook,
  type BenchProgress,
  type BenchProgressHook,
  type BenchReport,
  benchPageHookName,
  benchProgressHookName,
  browserEnvironment,
  defaultBrowserBackends,
  problemLines,
  runBenchInBrowser,
  suiteNames,
} from '@baihua/bench/browser';
import { backendReport } from '../shared/backends.js';
import { mountChrome } from '../shared/chrome.js';
import { type NamedReport, readReportFile, showComparison } from './compare-view.js';
import { machineItems, reportMachineItems } from './machine-view.js';
import { buildRunForm, type RunChoices, readRunForm, setRunForm } from './run-form.js';
import { showCharts, showProblems, showSummary } from './report-view.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const refreshChrome = mountChrome('bench/');
const form = byId<HTMLFormElement>('run-form');
const runButton = byId<HTMLButtonElement>('run');
const progressBar = byId<HTMLProgressElement>('progress');
const runStatus = byId<HTMLParagraphElement>('run-status');
const machine = byId<HTMLUListElement>('machine');
const compareLast = byId<HTMLButtonElement>('compare-last');
let last: BenchReport | undefined;
let running = false;

buildRunForm(form);
void backendReport().then((backends) => {
  if (!last) machine.replaceChildren(...machineItems(backends, browserEnvironment()));
  machine.dataset.ready = 'true';
});

function onProgress(progress: BenchProgress): void {
  progressBar.max = Math.max(progress.total, 1);
  progressBar.value = progress.done;
  runStatus.textContent = progress.next
    ? `Running ${progress.next.title} on ${progress.next.backend} (${progress.done} of ${progress.total} rows done)…`
    : `${progress.done} of ${progress.total} rows done.`;
  (globalThis as unknown as Record<string, BenchProgressHook | undefined>)[benchProgressHookName]?.(progress);
}

async function run(choices: RunChoices): Promise<BenchReport> {
  if (running) throw new Error('the bench is already running');
  running = true;
  runButton.disabled = true;
  document.body.dataset.benchState = 'running';
  runStatus.textContent = 'Starting…';
  try {
    const report = await runBenchInBrowser({ ...choices, onProgress });
    last = report;
    showSummary(byId('summary'), report);
    showProblems(byId('problems'), report);
    showCharts(byId('charts'), report);
    machine.replaceChildren(...reportMachineItems(report));
    byId('results').hidden = false;
    compareLast.disabled = false;
    const problems = problemLines(report.rows).length;
    runStatus.textContent =
      `Done: ${report.rows.length} rows in ${(report.wallMs / 1000).toFixed(1)} s, ` +
      `${problems === 0 ? 'no problems' : `${problems} problem line(s), listed under the table`}.`;
    document.body.dataset.benchState = 'done';
    return report;
  } catch (error) {
    runStatus.textContent = `The run failed: ${error instanceof Error ? error.message : String(error)}`;
    document.body.dataset.benchState = 'failed';
    throw error;
  } finally {
    running = false;
    runButton.disabled = false;
    refreshChrome();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  let choices: RunChoices;
  try {
    choices = readRunForm(form);
  } catch (error) {
    runStatus.textContent = (error as Error).message;
    return;
  }
  run(choices).catch(() => {}); // the status line says what failed
});

byId('download').addEventListener('click', () => {
  if (!last) return;
  const blob = new Blob([`${JSON.stringify(last, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `baihua-bench-browser-${last.createdAt.replace(/[:.]/g, '-')}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
});

// Compare: two files, or a file and this page's last run.
const firstInput = byId<HTMLInputElement>('compare-first');
const secondInput = byId<HTMLInputElement>('compare-second');
const compareStatus = byId<HTMLParagraphElement>('compare-status');
async function compare(useLast: boolean): Promise<void> {
  try {
    const firstFile = firstInput.files?.[0];
    const secondFile = secondInput.files?.[0];
    if (!firstFile || (!useLast && !secondFile)) {
      compareStatus.textContent = useLast ? 'Open the first report.' : 'Open two reports.';
      return;
    }
    const first: NamedReport = { name: firstFile.name, report: await readReportFile(firstFile) };
    const second: NamedReport =
      useLast && last
        ? { name: "this page's last run", report: last }
        : { name: (secondFile as File).name, report: await readReportFile(secondFile as File) };
    const changes = showComparison(byId('comparison'), byId('compare-machines'), first, second);
    compareStatus.textContent = `${changes.length} rows compared.`;
    compareStatus.dataset.rows = String(changes.length);
  } catch (error) {
    byId('comparison').replaceChildren();
    byId('compare-machines').replaceChildren();
    delete compareStatus.dataset.rows;
    compareStatus.textContent = `Cannot compare: ${error instanceof Error ? error.message : String(error)}`;
  }
}
firstInput.addEventListener('change', () => void compare(false));
secondInput.addEventListener('change', () => void compare(false));
compareLast.addEventListener('click', () => void compare(true));

const hook: BenchPageHook = {
  run(options) {
    setRunForm(form, options);
    return run({
      suites: options.suites ?? suiteNames,
      backends: options.backends ?? defaultBrowserBackends,
      mode: options.mode ?? 'quick',
      ...(options.filter ? { filter: options.filter } : {}),
    });
  },
  report: () => last,
};
Object.assign(globalThis, { [benchPageHookName]: hook });
document.body.dataset.ready = 'true';
