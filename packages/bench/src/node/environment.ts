import os from 'node:os';
import type { BenchEnvironment } from '../harness/bench-report.js';

/** Node version, platform, CPU model and cores, memory, and GLIBC_TUNABLES when set. */
export function nodeEnvironment(): Omit<BenchEnvironment, 'backends'> {
  const cpus = os.cpus();
  return {
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    totalMemoryBytes: os.totalmem(),
    ...(process.env.GLIBC_TUNABLES ? { glibcTunables: process.env.GLIBC_TUNABLES } : {}),
  };
}

/** Resident set size of this process, bytes. */
export function residentBytes(): number {
  return process.memoryUsage().rss;
}
