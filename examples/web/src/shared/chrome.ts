// The frame every page shares: a header with the site's name and navigation, and a status line
// saying which backends this browser offers, whether the page is cross-origin isolated, and what
// the page runs on now (with wasm's thread count).
import { activeBackend, backendReport, type ActiveBackend } from './backends.js';

/** The site's pages, in navigation order: path below the base, and label. */
export const sitePages = [
  { path: '', label: 'Home' },
  { path: 'digits/', label: 'Digits' },
  { path: 'bench/', label: 'Bench' },
] as const;

/**
 * Builds an element with attributes and children (text or elements).
 * @example element('a', { href: '/digits/' }, 'Digits')
 * In plain words: a small helper instead of a framework.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Puts the header (title, navigation with the current page marked) and the backend status line at
 * the top of the page's body; returns the function that refreshes the "running on" part (call it
 * after every backend switch). `current` is the page's path below the base, as in sitePages.
 * @example
 * const refresh = mountChrome('digits/');
 * refresh(await switchBackend('wasm'));
 * In plain words: the same header on every page, saying what the browser can do and what it does.
 */
export function mountChrome(current: (typeof sitePages)[number]['path']): (active?: ActiveBackend) => void {
  const base = import.meta.env.BASE_URL;
  const links = sitePages.map((page) =>
    element(
      'a',
      { href: `${base}${page.path}`, ...(page.path === current ? { 'aria-current': 'page' } : {}) },
      page.label,
    ),
  );
  const backends = element('span', { id: 'backend-report' }, 'probing backends…');
  const running = element('span', { id: 'active-backend' });
  const status = element('p', { class: 'status', role: 'status' }, backends, ' ', running);
  document.body.prepend(
    element(
      'header',
      {},
      element('a', { class: 'brand', href: base }, 'baihua in the browser'),
      element('nav', { 'aria-label': 'Pages' }, ...links),
      status,
    ),
  );
  const isolated = globalThis.crossOriginIsolated === true;
  void backendReport().then((report) => {
    const parts = report.backends.map((b) => {
      if (!b.available) return `${b.name}: no`;
      if (b.wasm)
        return `${b.name}: yes (SIMD ${b.wasm.simd ? 'on' : 'off'}, threads ${b.wasm.threads ? 'on' : 'off'})`;
      if (b.adapter) {
        const { vendor, architecture, isSoftware } = b.adapter;
        const named = [vendor, architecture].filter(Boolean).join(' ') || 'adapter';
        return `${b.name}: yes (${named}${isSoftware ? ', software' : ''})`;
      }
      return `${b.name}: yes`;
    });
    backends.textContent = `Backends: ${parts.join(', ')}. Cross-origin isolated: ${isolated ? 'yes' : 'no'}.`;
    backends.dataset.ready = 'true';
  });
  const refresh = (active: ActiveBackend = activeBackend()) => {
    const threads = active.threads === undefined ? '' : ` with ${active.threads} thread(s)`;
    running.textContent = `Running on ${active.name}${threads}.`;
    running.dataset.backend = active.name;
    if (active.threads !== undefined) running.dataset.threads = String(active.threads);
  };
  return refresh;
}
