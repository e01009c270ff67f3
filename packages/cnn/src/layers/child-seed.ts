/** The seed of child `index` of a block seeded with `seed`: distinct and reproducible (same mix as core's Sequential). */
export function childSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(index + 1, 0x85ebca6b)) >>> 1;
}
