import type { BenchEnvironment } from '../harness/bench-report.js';

/** What a browser can say about itself, beside describeBackends() (which names the WebGPU adapter). */
export interface BrowserEnvironment extends Omit<BenchEnvironment, 'backends'> {
  /** navigator.userAgent. */
  userAgent: string;
  /** Whether the page is cross-origin isolated (COOP/COEP headers): wasm threads need it. */
  crossOriginIsolated: boolean;
}

interface NavigatorFacts {
  userAgent?: string;
  platform?: string;
  hardwareConcurrency?: number;
  /** GiB, rounded by the browser (Chromium only). */
  deviceMemory?: number;
}

/**
 * The report's environment facts in a browser: platform, logical cores (`hardwareConcurrency`),
 * memory (Chromium's rounded `deviceMemory`, when given), the user agent and cross-origin isolation.
 * Node's fields (`node`, `cpuModel`) stay absent: a page cannot read them.
 *
 * @example runBench({ ..., environment: browserEnvironment() })
 *
 * In plain words: which browser on which machine measured this.
 */
export function browserEnvironment(): BrowserEnvironment {
  const nav = ((globalThis as { navigator?: NavigatorFacts }).navigator ?? {}) as NavigatorFacts;
  return {
    platform: `browser ${nav.platform || 'unknown platform'}`,
    ...(nav.hardwareConcurrency ? { cpuCores: nav.hardwareConcurrency } : {}),
    ...(nav.deviceMemory ? { totalMemoryBytes: nav.deviceMemory * 2 ** 30 } : {}),
    userAgent: nav.userAgent ?? 'unknown',
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
  };
}
