// "This machine": the browser, its cores, cross-origin isolation, and each backend as the bench sees
// it: the WebGPU adapter by name (software fallback or hardware), wasm's SIMD and thread count.
import type { BackendReport } from '@baihua/core';
import type { BenchReport } from '@baihua/bench/browser';
import { element } from '../shared/chrome.js';

/** Facts beside the backends: from browserEnvironment() or a report's environment. */
export interface MachineFacts {
  userAgent?: string;
  platform?: string;
  cpuCores?: number;
  crossOriginIsolated?: boolean;
  node?: string;
}

/** One line per fact, in words; the adapter line is data-adapter, the wasm line data-threads. */
export function machineItems(backends: BackendReport, facts: MachineFacts): HTMLLIElement[] {
  const where = facts.node ? `Node.js ${facts.node}` : (facts.userAgent ?? backends.runtime);
  const items = [
    element('li', {}, `Runtime: ${where}${facts.platform ? ` (${facts.platform})` : ''}.`),
    element(
      'li',
      {},
      `Logical cores: ${facts.cpuCores ?? 'unknown'}. Cross-origin isolated: ` +
        `${facts.crossOriginIsolated === undefined ? 'not recorded' : facts.crossOriginIsolated ? 'yes' : 'no'}.`,
    ),
  ];
  for (const backend of backends.backends) {
    if (!backend.available) {
      items.push(element('li', {}, `${backend.name}: unavailable (${backend.reason ?? 'no reason given'}).`));
    } else if (backend.wasm) {
      const { simd, threads, threadsCount, threadsNote } = backend.wasm;
      const item = element(
        'li',
        {},
        `wasm: SIMD ${simd ? 'on' : 'off'}, ${threads ? `${threadsCount} threads` : '1 thread (no threads)'}` +
          `${threadsNote ? ` (${threadsNote})` : ''}.`,
      );
      item.dataset.threads = String(threads ? threadsCount : 1);
      items.push(item);
    } else if (backend.adapter) {
      const { vendor, architecture, device, description, isSoftware } = backend.adapter;
      const named = [vendor, architecture, device, description].filter(Boolean).join(' / ') || 'an unnamed adapter';
      const item = element(
        'li',
        {},
        `webgpu: ${named} (${isSoftware ? 'a software fallback on the CPU, not a GPU' : 'hardware'}).`,
      );
      item.dataset.adapter = named;
      items.push(item);
    } else {
      items.push(element('li', {}, `${backend.name}: available.`));
    }
  }
  return items;
}

/** The machine a report was measured on, from its environment. */
export function reportMachineItems(report: BenchReport): HTMLLIElement[] {
  const { backends, ...facts } = report.environment;
  return machineItems(backends, facts as MachineFacts);
}
