/**
 * The headers that make a page cross-origin isolated (so it gets SharedArrayBuffer, which the wasm
 * backend's threads need): sent by the dev server, `vite preview`, and any static host of dist/.
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;
