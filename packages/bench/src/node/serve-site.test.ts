import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ServedSite, serveSite } from './serve-site.js';

describe('serveSite', () => {
  let root: string;
  let site: ServedSite;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'baihua-serve-'));
    mkdirSync(join(root, 'site', 'bench'), { recursive: true });
    writeFileSync(join(root, 'site', 'bench', 'index.html'), '<p>bench</p>');
    writeFileSync(join(root, 'site', 'app.wasm'), new Uint8Array([0, 97, 115, 109]));
    writeFileSync(join(root, 'secret.txt'), 'outside the site');
    site = await serveSite(join(root, 'site'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('a folder answers its index.html, every answer with the COOP/COEP headers', async () => {
    const response = await fetch(`${site.url}bench/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<p>bench</p>');
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  test('wasm is served as application/wasm (streaming compilation needs it)', async () => {
    const response = await fetch(`${site.url}app.wasm`);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  test('a missing file and a path leaving the folder get 404, still with the headers', async () => {
    for (const path of ['missing.js', '..%2Fsecret.txt', '%2E%2E/secret.txt']) {
      const response = await fetch(`${site.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('outside the site');
      expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    }
  });
});
