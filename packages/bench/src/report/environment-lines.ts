import type { BenchReport } from '../harness/bench-report.js';

/** The environment as short lines: Node, CPU, each backend and its capabilities. */
export function environmentLines(report: BenchReport): string[] {
  const environment = report.environment;
  const lines = [
    [
      environment.backends.runtime,
      environment.cpuModel ? `, ${environment.cpuModel}` : '',
      environment.cpuCores ? `, ${environment.cpuCores} cores` : '',
      environment.totalMemoryBytes ? `, ${(environment.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB` : '',
    ].join(''),
  ];
  for (const backend of environment.backends.backends) {
    if (!backend.available) {
      lines.push(`${backend.name}: unavailable (${backend.reason ?? 'no reason given'})`);
    } else if (backend.wasm) {
      lines.push(
        `${backend.name}: SIMD ${backend.wasm.simd ? 'yes' : 'no'}, threads ${backend.wasm.threads ? 'yes' : 'no'}` +
          (backend.wasm.threads && backend.wasm.threadsCount ? ` (${backend.wasm.threadsCount})` : '') +
          (backend.wasm.threadsNote ? ` (${backend.wasm.threadsNote})` : ''),
      );
    } else if (backend.adapter) {
      const adapter = backend.adapter;
      lines.push(
        `${backend.name}: ${[adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(' / ')}` +
          (adapter.isSoftware ? ' (SOFTWARE fallback: a CPU Vulkan driver, not a GPU)' : ' (hardware)'),
      );
    } else {
      lines.push(`${backend.name}: available`);
    }
  }
  if (environment.glibcTunables)
    lines.push(`GLIBC_TUNABLES=${environment.glibcTunables} (changes allocation costs: not a plain node run)`);
  return lines;
}
