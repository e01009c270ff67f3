import { isNode, nodeBuiltin } from './runtime.js';

interface NodeFs {
  existsSync(path: string): boolean;
  readFileSync(path: string): Uint8Array;
  readdirSync(path: string): string[];
  statSync(path: string): { isDirectory(): boolean };
}
interface NodePath {
  join(...parts: string[]): string;
}

/**
 * On Linux, why Dawn (the `webgpu` package) would find no Vulkan, or undefined when it may. Dawn
 * reports a missing Vulkan loader or driver with native stderr warnings ("Warning: Couldn't load
 * Vulkan: libvulkan.so.1: cannot open shared object file", "vkCreateInstance: Found no drivers!")
 * that no JavaScript can silence; looking first, the way the loader would, avoids loading Dawn
 * just to fail noisily. Elsewhere (macOS Metal, Windows D3D12) and when unsure it says undefined.
 *
 * The loader library: LD_LIBRARY_PATH, /etc/ld.so.cache, the default library folders. A driver:
 * a manifest (.json) named by VK_DRIVER_FILES / VK_ICD_FILENAMES / VK_ADD_DRIVER_FILES, or in an
 * `icd.d` folder the Vulkan loader searches (XDG config and data folders, /etc, /usr/local/etc).
 */
export function vulkanUnavailableReason(): string | undefined {
  if (!isNode() || process.platform !== 'linux') return undefined;
  const fs = nodeBuiltin<NodeFs>('node:fs');
  const path = nodeBuiltin<NodePath>('node:path');
  if (!fs || !path) return undefined;
  try {
    if (!hasVulkanLoader(fs, path)) return 'no Vulkan loader (libvulkan.so.1) was found';
    if (!hasVulkanDriver(fs, path)) return 'no Vulkan driver (ICD manifest) was found';
  } catch {
    return undefined; // unsure: let Dawn look for itself
  }
  return undefined;
}

const loaderName = 'libvulkan.so.1';

function hasVulkanLoader(fs: NodeFs, path: NodePath): boolean {
  const env = process.env;
  const folders = [
    ...(env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean),
    ...['/lib', '/usr/lib', '/lib64', '/usr/lib64', '/usr/local/lib'],
    ...['x86_64-linux-gnu', 'aarch64-linux-gnu'].flatMap((arch) => [`/lib/${arch}`, `/usr/lib/${arch}`]),
  ];
  if (folders.some((folder) => fs.existsSync(path.join(folder, loaderName)))) return true;
  if (!fs.existsSync('/etc/ld.so.cache')) return false;
  // The cache lists every library ldconfig knows by name and path, as plain bytes.
  return Buffer.from(fs.readFileSync('/etc/ld.so.cache')).includes(loaderName);
}

function hasVulkanDriver(fs: NodeFs, path: NodePath): boolean {
  const env = process.env;
  const named = [env.VK_DRIVER_FILES, env.VK_ICD_FILENAMES, env.VK_ADD_DRIVER_FILES]
    .flatMap((list) => (list ?? '').split(':'))
    .filter(Boolean);
  const home = env.HOME ?? '';
  const configHome = env.XDG_CONFIG_HOME || path.join(home, '.config');
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local/share');
  const configDirs = (env.XDG_CONFIG_DIRS || '/etc/xdg').split(':');
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':');
  const searched = [configHome, ...configDirs, '/usr/local/etc', '/etc', dataHome, ...dataDirs]
    .filter(Boolean)
    .map((base) => path.join(base, 'vulkan', 'icd.d'));
  return [...named, ...searched].some((entry) => {
    if (!fs.existsSync(entry)) return false;
    if (!fs.statSync(entry).isDirectory()) return true;
    return fs.readdirSync(entry).some((name) => name.endsWith('.json'));
  });
}
