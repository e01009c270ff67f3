import { BaihuaError } from '@baihua/core';

/** Debian's CJK font packages: the package, its folder under /usr/share/fonts and its file names' start. */
const debianCjkFonts = [
  ['fonts-arphic-ukai', 'truetype/arphic', 'ukai'],
  ['fonts-arphic-uming', 'truetype/arphic', 'uming'],
  ['fonts-arphic-gbsn00lp', 'truetype/arphic-gbsn00lp', 'gbsn00lp'],
  ['fonts-arphic-gkai00mp', 'truetype/arphic-gkai00mp', 'gkai00mp'],
  ['fonts-wqy-zenhei', 'truetype/wqy', 'wqy-zenhei'],
  ['fonts-wqy-microhei', 'truetype/wqy', 'wqy-microhei'],
  ['fonts-lxgw-wenkai', 'truetype/lxgw-wenkai', 'LXGWWenKai'],
  ['fonts-smiley-sans', 'truetype/smiley-sans', 'SmileySans'],
] as const;

type NodeFs = typeof import('node:fs');

/** Node's `fs`, or undefined outside Node (browsers): loaded at run time so bundles stay browser-safe. */
export function nodeFs(): NodeFs | undefined {
  const getBuiltin = (globalThis.process as { getBuiltinModule?: (id: string) => unknown } | undefined)
    ?.getBuiltinModule;
  return getBuiltin?.('node:fs') as NodeFs | undefined;
}

/**
 * The installed font files of Debian's CJK font packages (fonts-arphic-ukai, -uming, -gbsn00lp,
 * -gkai00mp, fonts-wqy-zenhei, -microhei, fonts-lxgw-wenkai, fonts-smiley-sans), in that order,
 * each package's files sorted by name: .ttc collections count once here, each of their faces is a
 * font to {@link glyphIdentitySet}. Node only. Throws, naming the apt packages, when none is installed.
 *
 * @example
 * const fonts = cjkFontFiles(); // ['/usr/share/fonts/truetype/arphic/ukai.ttc', ...]
 *
 * In plain words: which Chinese fonts this machine has, from the packages Debian ships.
 */
export function cjkFontFiles(): string[] {
  const fs = nodeFs();
  if (fs === undefined)
    throw new BaihuaError('cjkFontFiles: expected Node (font files are read from disk), got no node:fs');
  const files: string[] = [];
  for (const [, folder, start] of debianCjkFonts) {
    const directory = `/usr/share/fonts/${folder}`;
    if (!fs.existsSync(directory)) continue;
    const names = fs.readdirSync(directory).filter((name) => name.startsWith(start) && /\.(ttf|ttc|otf)$/i.test(name));
    files.push(...names.sort().map((name) => `${directory}/${name}`));
  }
  if (files.length === 0) {
    const packages = debianCjkFonts.map(([name]) => name).join(' ');
    throw new BaihuaError(
      `cjkFontFiles: expected Debian's CJK fonts under /usr/share/fonts, got none (apt-get install ${packages})`,
    );
  }
  return files;
}
