// Finds the fenced code blocks of a Markdown file and sorts each into what the docs test does with it.
// Every block must say what it is in its info string; an unmarked or unknown one is an error, so a
// block cannot escape the docs test by accident (scripts/doc-examples.ts runs the runnable ones).

/** What the docs test does with a block, by its info string. */
export type CodeBlockKind = 'run' | 'browser' | 'skip' | 'shell' | 'text' | 'json';

/** One fenced block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, as given, and the 1-based line of the opening fence. */
  file: string;
  line: number;
  /** The first word of the info string: `ts`, `js`, `sh`, `text`, `json`, ... */
  language: string;
  kind: CodeBlockKind;
  /** The block's text, without the fences and without the fence's indentation. */
  code: string;
  /** Why a `skip` block is not run (`skip="..."` in the info string). */
  skipReason?: string;
}

const runnable = new Set(['ts', 'js']);
const notRun: Record<string, CodeBlockKind> = { sh: 'shell', bash: 'shell', text: 'text', json: 'json' };
const known = [...runnable, ...Object.keys(notRun)].join(', ');

/**
 * The fenced blocks (``` or ~~~) of `markdown`, in order. Info strings: `ts` / `js` (run in Node.js),
 * `ts browser` (run in a web page), `ts skip="why"`
 * (deliberately not run, the reason shown), `sh` / `bash` (shell commands), `text` (output samples, schemas),
 * `json` (must parse).
 * @example
 * extractCodeBlocks('```ts\nconst x = 1;\n```\n', 'README.md'); // [{ line: 1, language: 'ts', kind: 'run', ... }]
 * In plain words: every code sample in a doc, each labelled with what the docs test will do with it.
 */
export function extractCodeBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let start = 0; start < lines.length; start++) {
    const open = /^( *)(`{3,}|~{3,})(.*)$/.exec(lines[start] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const body: string[] = [];
    let end = start + 1;
    const closing = new RegExp(`^ *${fence[0] === '`' ? '`' : '~'}{${fence.length},} *$`);
    while (end < lines.length && !closing.test(lines[end] ?? '')) {
      body.push((lines[end] ?? '').replace(new RegExp(`^ {0,${indent.length}}`), ''));
      end++;
    }
    if (end === lines.length) throw new Error(`${file}:${start + 1}: code block is never closed`);
    blocks.push({ file, line: start + 1, ...classify(info.trim(), file, start + 1), code: `${body.join('\n')}\n` });
    start = end;
  }
  return blocks;
}

function classify(info: string, file: string, line: number): Pick<CodeBlock, 'language' | 'kind' | 'skipReason'> {
  const [language = '', ...rest] = info.split(/\s+/);
  const attributes = rest.join(' ');
  if (language === '') throw new Error(`${file}:${line}: code block without a language; mark it with one of ${known}`);
  if (!runnable.has(language) && !(language in notRun))
    throw new Error(`${file}:${line}: unknown code block language '${language}'; use one of ${known}`);
  if (attributes === '') return { language, kind: runnable.has(language) ? 'run' : (notRun[language] ?? 'text') };
  if (runnable.has(language) && attributes === 'browser') return { language, kind: 'browser' };
  const skip = /^skip="([^"]{10,})"$/.exec(attributes);
  if (!runnable.has(language) || !skip?.[1])
    throw new Error(
      `${file}:${line}: unknown info string '${info}'; only a ts or js block takes browser or skip="<reason>"`,
    );
  return { language, kind: 'skip', skipReason: skip[1] };
}

/** How many blocks of each kind `blocks` holds (kinds with none are left out). */
export function countBlockKinds(blocks: CodeBlock[]): Partial<Record<CodeBlockKind, number>> {
  const counts: Partial<Record<CodeBlockKind, number>> = {};
  for (const block of blocks) counts[block.kind] = (counts[block.kind] ?? 0) + 1;
  return counts;
}
