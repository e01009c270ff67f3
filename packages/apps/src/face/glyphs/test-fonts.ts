import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import { cjkFontFiles } from './cjk-font-files.js';

/**
 * The installed Debian CJK fonts for tests, by file-name start ('ukai', 'LXGWWenKai-Regular'), or
 * the reason they cannot run.
 */
export function testFonts(): { font: (start: string) => string; missing?: string } {
  let files: string[] = [];
  try {
    files = cjkFontFiles();
  } catch (error) {
    return { font: () => '', missing: error instanceof Error ? error.message : String(error) };
  }
  const wanted = ['ukai', 'gkai00mp', 'gbsn00lp', 'wqy-microhei', 'LXGWWenKai-Regular'];
  const absent = wanted.filter((start) => !files.some((file) => file.split('/').pop()?.startsWith(start)));
  const font = (start: string): string => files.find((file) => file.split('/').pop()?.startsWith(start)) ?? '';
  return absent.length === 0 ? { font } : { font, missing: `font files missing: ${absent.join(', ')}` };
}

/** Stands for the font tests that cannot run: skipped with the reason locally, failing on CI. */
export function reportMissingFonts(reason: string): void {
  reportUnavailable("Debian's CJK fonts", reason, requiredOnCi('BAIHUA_REQUIRE_FONTS'));
}
