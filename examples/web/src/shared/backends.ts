// The three tfjs backends, bundled into every page, and the switch between them. The wasm backend
// fetches its binaries from the site's wasm/ folder (served and built by build/site-assets.ts); it
// uses threads when the page is cross-origin isolated (the COOP/COEP headers of vite.config.ts).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { describeBackends, useBackend, type BackendReport } from '@baihua/core';

setWasmPaths(`${import.meta.env.BASE_URL}wasm/`);

/** The backends a page can switch between, in the order the switch lists them. */
export const backendNames = ['cpu', 'wasm', 'webgpu'] as const;
export type SiteBackend = (typeof backendNames)[number];

/** What the page runs on now: backend, and for wasm its thread count. */
export interface ActiveBackend {
  name: string;
  /** wasm only: threads in tfjs's pool (1 without cross-origin isolation). */
  threads?: number;
}

/**
 * The active backend and, on wasm, its thread count.
 * @example activeBackend(); // { name: 'wasm', threads: 1 }
 * In plain words: what the page computes on right now.
 */
export function activeBackend(): ActiveBackend {
  const name = tf.getBackend();
  return name === 'wasm' ? { name, threads: getThreadsCount() } : { name };
}

/**
 * Selects `name` (core's useBackend: initialised and checked on a test computation); rejects with
 * core's BackendUnavailableError (cause and fix) when the browser cannot run it.
 * @example const { name, threads } = await switchBackend('wasm');
 * In plain words: move the page's arithmetic to another engine.
 */
export async function switchBackend(name: SiteBackend): Promise<ActiveBackend> {
  await useBackend(name);
  return activeBackend();
}

let report: Promise<BackendReport> | undefined;
/**
 * core's describeBackends, probed once per page (wasm SIMD and threads, the WebGPU adapter).
 * @example (await backendReport()).backends.filter((b) => b.available).map((b) => b.name)
 * In plain words: what this browser offers, asked once.
 */
export function backendReport(): Promise<BackendReport> {
  report ??= describeBackends();
  return report;
}
