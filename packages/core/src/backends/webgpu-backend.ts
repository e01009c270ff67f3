import * as tf from '@tensorflow/tfjs-core';
import type { BackendFailure } from '../errors/backend-unavailable-error.js';
import { importOptional, isNode } from './runtime.js';
import { vulkanUnavailableReason } from './vulkan-probe.js';
import { errorText } from './wasm-backend.js';

const webgpuBackendPackage = '@tensorflow/tfjs-backend-webgpu';
const dawnPackage = 'webgpu';
const vulkanFix =
  'install a Vulkan driver and set VK_DRIVER_FILES before node starts; without a GPU, SwiftShader works ' +
  '(see the README, "WebGPU without a GPU")';

/** What a WebGPU adapter says about itself. */
export interface WebGpuAdapterDescription {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** True for CPU implementations such as SwiftShader: correct, but far slower than a GPU. */
  isSoftware: boolean;
}

interface GpuAdapterLike {
  info?: Record<string, unknown>;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<Record<string, unknown>>;
}
interface GpuLike {
  requestAdapter(options?: unknown): Promise<GpuAdapterLike | null>;
}
interface DawnModule {
  create(flags: string[]): GpuLike;
  globals: Record<string, unknown>;
}

/**
 * Makes `navigator.gpu` exist. Browsers have it; in Node the `webgpu` npm package (Dawn) provides
 * it, loaded only now, since it is an optional dependency with a 20 MB native binary. On Linux it is
 * not loaded where Vulkan is missing (see vulkanUnavailableReason): Dawn would print native warnings.
 */
export async function ensureNavigatorGpu(): Promise<BackendFailure | undefined> {
  if (currentGpu()) return undefined;
  if (!isNode()) {
    return {
      backend: 'webgpu',
      cause: 'this browser has no navigator.gpu',
      fix:
        'use a browser with WebGPU enabled (Chrome/Edge 113+, or a flag elsewhere), ' +
        "or fall back: useBackend(['webgpu', 'wasm'])",
    };
  }
  const noVulkan = vulkanUnavailableReason();
  if (noVulkan) {
    return {
      backend: 'webgpu',
      cause: `${noVulkan}, so Dawn (the ${dawnPackage} package) would find no adapter; it was not loaded`,
      fix: vulkanFix,
    };
  }
  let dawn: DawnModule;
  try {
    dawn = (await importOptional(dawnPackage)) as DawnModule;
  } catch (error) {
    return {
      backend: 'webgpu',
      cause: `package '${dawnPackage}' (Dawn for Node.js) could not be loaded (${errorText(error)})`,
      fix: `install it: npm i ${dawnPackage}@0.6.2`,
      error,
    };
  }
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  return undefined;
}

/** Asks for an adapter; null means no usable GPU (or software driver) was found. */
export async function requestAdapter(): Promise<GpuAdapterLike | null> {
  const gpu = currentGpu();
  return gpu ? gpu.requestAdapter({ powerPreference: 'high-performance' }) : null;
}

export async function describeAdapter(adapter: GpuAdapterLike): Promise<WebGpuAdapterDescription> {
  const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
  const text = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : '');
  const fallback = adapter.isFallbackAdapter === true || info.isFallbackAdapter === true;
  const described = `${text('vendor')} ${text('architecture')} ${text('device')} ${text('description')}`.toLowerCase();
  return {
    vendor: text('vendor'),
    architecture: text('architecture'),
    device: text('device'),
    description: text('description'),
    isSoftware: fallback || /swiftshader|llvmpipe|lavapipe|software/.test(described),
  };
}

/** Imports tfjs-backend-webgpu, which registers 'webgpu' only if navigator.gpu exists at that moment. */
export async function prepareWebGpu(): Promise<BackendFailure | undefined> {
  const navigatorFailure = await ensureNavigatorGpu();
  if (navigatorFailure) return navigatorFailure;
  if (!(await requestAdapter())) {
    return {
      backend: 'webgpu',
      cause: 'no WebGPU adapter was found (navigator.gpu.requestAdapter() returned null)',
      fix: isNode() ? vulkanFix : 'enable hardware acceleration in the browser, or fall back to wasm',
    };
  }
  if (tf.findBackendFactory('webgpu')) return undefined;
  try {
    await importOptional(webgpuBackendPackage);
  } catch (error) {
    return {
      backend: 'webgpu',
      cause: `package ${webgpuBackendPackage} could not be imported (${errorText(error)})`,
      fix:
        `install it (npm i ${webgpuBackendPackage}@4.22.0); ` +
        `in a browser bundle also add: import '${webgpuBackendPackage}'`,
      error,
    };
  }
  if (!tf.findBackendFactory('webgpu')) {
    return {
      backend: 'webgpu',
      cause: `${webgpuBackendPackage} was evaluated before navigator.gpu existed, so it did not register itself`,
      fix: `call useBackend('webgpu') before anything imports ${webgpuBackendPackage}`,
    };
  }
  return undefined;
}

function currentGpu(): GpuLike | undefined {
  return (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
}
