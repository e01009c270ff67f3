// The Run form: one checkbox per suite (with what it measures) and per backend, quick or full, and a
// name filter. Reads into runBenchInBrowser's options, and is set from them when a script drives the page.
import { type BenchMode, benchSuites, type BrowserBenchOptions, type SuiteName } from '@baihua/bench/browser';
import { backendNames } from '../shared/backends.js';
import { element } from '../shared/chrome.js';

/** The form's choices: the options of runBenchInBrowser without the progress callback. */
export type RunChoices = Required<Pick<BrowserBenchOptions, 'suites' | 'backends' | 'mode'>> & { filter?: string };

/** Puts the suite and backend checkboxes into their fieldsets (all checked: the default of `pnpm bench`). */
export function buildRunForm(form: HTMLFormElement): void {
  const suites = form.querySelector('#suites') as HTMLFieldSetElement;
  suites.append(
    ...benchSuites.map((suite) =>
      element(
        'label',
        { class: 'choice' },
        element('input', { type: 'checkbox', name: 'suite', value: suite.name, checked: '' }),
        ` ${suite.name}`,
        element('span', { class: 'help' }, `: ${suite.description}`),
      ),
    ),
  );
  const backends = form.querySelector('#backends') as HTMLFieldSetElement;
  backends.append(
    ...backendNames.map((name) =>
      element(
        'label',
        { class: 'choice' },
        element('input', { type: 'checkbox', name: 'backend', value: name, checked: '' }),
        ` ${name}`,
      ),
    ),
  );
}

/** The form's current choices; throws (with what to tick) when no suite or no backend is chosen. */
export function readRunForm(form: HTMLFormElement): RunChoices {
  const data = new FormData(form);
  const suites = data.getAll('suite').map(String) as SuiteName[];
  const backends = data.getAll('backend').map(String);
  if (suites.length === 0) throw new Error('Choose at least one suite.');
  if (backends.length === 0) throw new Error('Choose at least one backend.');
  const filter = String(data.get('filter') ?? '').trim();
  return { suites, backends, mode: data.get('mode') === 'full' ? 'full' : 'quick', ...(filter ? { filter } : {}) };
}

/** Sets the form to `choices` (what is not given keeps the default: every suite and backend, quick). */
export function setRunForm(form: HTMLFormElement, choices: Omit<BrowserBenchOptions, 'onProgress'>): void {
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name=suite]'))
    box.checked = choices.suites === undefined || choices.suites.includes(box.value as SuiteName);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name=backend]'))
    box.checked = choices.backends === undefined || choices.backends.includes(box.value);
  const mode: BenchMode = choices.mode ?? 'quick';
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name=mode]')) radio.checked = radio.value === mode;
  (form.querySelector('#filter') as HTMLInputElement).value = choices.filter ?? '';
}
