// Test support (not exported by the package): reads a generated block of the package README.
import { readFileSync } from 'node:fs';

/** The text between `<!-- name:start -->` and `<!-- name:end -->` in README.md, trimmed. */
export function readmeBlock(name: string): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(`<!-- ${name}:start -->`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`readmeBlock: README.md has no block '${name}'`);
  return readme.slice(start + `<!-- ${name}:start -->`.length, end).trim();
}
