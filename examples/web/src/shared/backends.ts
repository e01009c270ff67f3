// The three tfjs backends, bundled into every page, and the switch between them. The wasm backend
// fetches its binaries from the site's wasm/ folder (served and built by build/site-assets.ts); it
// uses threads when the page is cross-origin isolated (the COOP/COEP headers of vite.config.ts).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { describeBackends, useBackend, type BackendReport } from '@baihua/core';

setWasmPaths(`${import.meta.env.BASE_URL}wasm/`);

/** The backends a page can switch between. */
export const backendNames = ['cpu', 'wasm', 'webgpu'] as const;
export type SiteBackend = (typeof backendNames)[number];

/** What the page runs on now: backend, and for wasm its thread count. */
export interface ActiveBackend {
  name: string;
  /** wasm only: threads in tfjs's pool (1 without cross-origin isolation). */
  threads?: number;
}

/** The active backend and, on wasm, its thread count. */
export function activeBackend(): ActiveBackend {
  const name = tf.getBackend();
  return name === 'wasm' ? { name, threads: getThreadsCount() } : { name };
}

/** Selects `name` (core's useBackend: initialised and checked on a test computation). */
export async function switchBackend(name: SiteBackend): Promise<ActiveBackend> {
  await useBackend(name);
  return activeBackend();
}

/** core's describeBackends, once per page (it probes wasm and WebGPU). */
let report: Promise<BackendReport> | undefined;
export function backendReport(): Promise<BackendReport> {
  report ??= describeBackends();
  return report;
}
