import { diagnose, fit, trainingDiagnostics, type DiagnosticsRecord, type Finding, type History } from '@baihua/core';
import type { TrainingCase, TrainingSetup } from './training-case.js';

/** What one run of a setup gave: the diagnostics record, diagnose()'s findings, fit's history, the time taken. */
export interface SetupRun {
  label: string;
  record: DiagnosticsRecord;
  findings: Finding[];
  history: History;
  seconds: number;
}

/**
 * Trains a setup with a trainingDiagnostics callback (every `every` steps; a weight snapshot when the
 * case asks for one), diagnoses the record and frees the setup, on the error path too.
 *
 * @example const { findings } = await runSetup(vanishingCase.failure(), vanishingCase);
 * In plain words: train once with the flight recorder on, and read what it says.
 */
export async function runSetup(setup: TrainingSetup, trainingCase: TrainingCase): Promise<SetupRun> {
  const diagnostics = trainingDiagnostics({
    every: trainingCase.every,
    ...(trainingCase.snapshot ? { snapshot: trainingCase.snapshot } : {}),
  });
  const started = performance.now();
  try {
    const history = await fit(setup.model, setup.train, {
      ...setup.options,
      ...(setup.validation ? { validationData: setup.validation } : {}),
      callbacks: [diagnostics],
      progress: 'none',
    });
    const record = diagnostics.record();
    const seconds = (performance.now() - started) / 1000;
    return { label: setup.label, record, findings: diagnose(record), history, seconds };
  } finally {
    diagnostics.dispose();
    setup.dispose();
  }
}

/** Both runs of a case: the failure, then the cure. */
export async function runCase(trainingCase: TrainingCase): Promise<{ failure: SetupRun; cure: SetupRun }> {
  const failure = await runSetup(trainingCase.failure(), trainingCase);
  const cure = await runSetup(trainingCase.cure(), trainingCase);
  return { failure, cure };
}

/** A run's verdict for the printed line: its findings' messages, or "healthy". */
export function verdict(run: SetupRun): string {
  return run.findings.length === 0 ? 'healthy' : run.findings.map((f) => f.message).join('; ');
}

/**
 * The line the example prints for a case: `<case>: <finding or "healthy"> -> after cure: <finding or
 * "healthy">` (several findings of one run joined by '; ').
 *
 * @example caseLine(vanishingCase, runs); // 'vanishing: dense_1: gradient norm ... -> after cure: healthy'
 * In plain words: what went wrong, and whether the seed's cure fixed it, in one line.
 */
export function caseLine(trainingCase: TrainingCase, runs: { failure: SetupRun; cure: SetupRun }): string {
  return `${trainingCase.name}: ${verdict(runs.failure)} -> after cure: ${verdict(runs.cure)}`;
}
