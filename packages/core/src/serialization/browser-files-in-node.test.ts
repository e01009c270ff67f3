// downloadModel and loadModelFromFiles in Node, where the mutation runs reach them (the Chromium
// tests run the built dist/browser bundle): every refusal with its whole message, files picked by
// extension, and the download's links and blobs against a stand-in page.
import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { smallModelOutputs, smallSavedModel } from '../../test/small-saved-model.js';
import { downloadModel, loadModelFromFiles, serializeModel } from './index.js';

const file = (name: string, data: string | ArrayBuffer) => ({
  name,
  text: async () => data as string,
  arrayBuffer: async () => data as ArrayBuffer,
});

/** A stand-in for the page: links made, appended, clicked and removed. */
function fakePage() {
  const events: string[] = [];
  const links: { href: string; download: string; style: { display: string } }[] = [];
  const document = {
    createElement: (tag: string) => {
      const link = {
        href: '',
        download: '',
        style: { display: '' },
        click: () => events.push(`click ${link.download}`),
        remove: () => events.push(`remove ${link.download}`),
      };
      events.push(`create ${tag}`);
      links.push(link);
      return link;
    },
    body: { appendChild: (link: { download: string }) => events.push(`append ${link.download}`) },
  };
  return { document, events, links };
}

describe('downloadModel and loadModelFromFiles in Node', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  test('loadModelFromFiles: files picked by extension (any case), from an array, a Set or an array-like', async () => {
    const net = smallSavedModel();
    const { topology, weights } = await serializeModel(net);
    const expected = await smallModelOutputs(net);
    net.dispose();
    const json = file('Model.JSON', JSON.stringify(topology));
    const bin = file('WEIGHTS.Bin', weights);
    const notes = file('notes.txt', 'x');
    for (const files of [[notes, bin, json], new Set([json, bin]), { length: 2, 0: bin, 1: json }]) {
      const loaded = await loadModelFromFiles(files as never);
      expect(await smallModelOutputs(loaded)).toEqual(expected);
      loaded.dispose();
    }
  });

  test('loadModelFromFiles: every refusal, whole', async () => {
    const json = file('model.json', '{}');
    const bin = file('weights.bin', new ArrayBuffer(0));
    const start = 'loadModelFromFiles: ';
    const cases: [unknown, string][] = [
      [null, 'expected files to be a FileList or an array of Files, got null'],
      [5, 'expected files to be a FileList or an array of Files, got number'],
      [[json, null], 'expected files[1] to be a File (with a name and arrayBuffer()), got null'],
      [['model.json'], 'expected files[0] to be a File (with a name and arrayBuffer()), got string'],
      [[{ ...json, name: 5 }], 'expected files[0] to be a File (with a name and arrayBuffer()), got object'],
      [
        [{ name: 'model.json', text: json.text }],
        'expected files[0] to be a File (with a name and arrayBuffer()), got object',
      ],
      [[], 'expected exactly one .json file (the topology), got 0 among no files'],
      [[bin], "expected exactly one .json file (the topology), got 0 among 'weights.bin'"],
      [
        [json, file('copy.JSON', '{}'), bin],
        "expected exactly one .json file (the topology), got 2 among 'model.json', 'copy.JSON', 'weights.bin'",
      ],
      [[json], "expected exactly one .bin file (the weights), got 0 among 'model.json'"],
    ];
    for (const [files, message] of cases)
      await expect(loadModelFromFiles(files as never)).rejects.toThrow(
        new RegExp(`^${(start + message).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
    await expect(loadModelFromFiles([json, bin], { allowNonFinit: true } as never)).rejects.toThrow(
      /^loadModelFromFiles: unknown key 'allowNonFinit' in options/,
    );
  });

  test('downloadModel: file names checked, then a page is needed', async () => {
    const net = smallSavedModel();
    const start = 'downloadModel: ';
    const cases: [unknown, string][] = [
      [{ fileNames: { topology: '' } }, 'expected options.fileNames.topology to be a non-empty file name, got ""'],
      [{ fileNames: { weights: 5 } }, 'expected options.fileNames.weights to be a non-empty file name, got 5'],
      [{ fileNames: { topology: 'a', weights: 'a' } }, "expected two different file names, got 'a' twice"],
      [{}, 'needs a browser page (document and URL.createObjectURL); in Node.js use saveModel'],
    ];
    for (const [options, message] of cases)
      await expect(downloadModel(net, options as never)).rejects.toThrow(start + message);
    vi.stubGlobal('document', fakePage().document);
    vi.stubGlobal('URL', { createObjectURL: 'not a function' });
    await expect(downloadModel(net)).rejects.toThrow(`${start}${cases[3]?.[1]}`);
    net.dispose();
  });

  test('downloadModel: one hidden link per file, clicked and removed; URLs that live 60 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const net = smallSavedModel();
    const expected = await smallModelOutputs(net);
    const page = fakePage();
    vi.stubGlobal('document', page.document);
    await downloadModel(net, { fileNames: { topology: 'net.json', weights: 'net.bin' } });
    expect(page.events).toEqual([
      'create a',
      'append net.json',
      'click net.json',
      'remove net.json',
      'create a',
      'append net.bin',
      'click net.bin',
      'remove net.bin',
    ]);
    expect(page.links.map((link) => [link.download, link.style.display])).toEqual([
      ['net.json', 'none'],
      ['net.bin', 'none'],
    ]);
    const blobs = page.links.map((link) => resolveObjectURL(link.href));
    expect(blobs.map((blob) => blob?.type)).toEqual(['application/json', 'application/octet-stream']);
    const [topologyBlob, weightsBlob] = blobs as unknown as [Blob, Blob];
    const text = await topologyBlob.text();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 1)}\n`);
    const files = [file('net.json', text), file('net.bin', await weightsBlob.arrayBuffer())];
    const loaded = await loadModelFromFiles(files);
    expect(await smallModelOutputs(loaded)).toEqual(expected);
    loaded.dispose();
    vi.advanceTimersByTime(59_999);
    expect(resolveObjectURL(page.links[0]?.href as string)).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(page.links.map((link) => resolveObjectURL(link.href))).toEqual([undefined, undefined]);
    // The default names.
    const again = fakePage();
    vi.stubGlobal('document', again.document);
    await downloadModel(net);
    expect(again.links.map((link) => link.download)).toEqual(['model.json', 'weights.bin']);
    vi.advanceTimersByTime(60_000);
    net.dispose();
  });
});
