/**
 * A small deterministic random source (mulberry32): the sample tracker and the randomised
 * cross-checks must come out the same for the same seed on every machine, so that a failure prints
 * its seed and reproduces exactly. `Math.random` cannot be seeded.
 */
export type RandomSource = () => number;

/** A generator of numbers in [0, 1) fixed by the seed (only its low 32 bits count). */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from `min` to `max`, both included. */
export function randomInteger(random: RandomSource, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** True with the given probability (0–1). */
export function randomChance(random: RandomSource, probability: number): boolean {
  return random() < probability;
}

/** One item of a non-empty list, each equally likely. */
export function randomItem<T>(random: RandomSource, items: readonly [T, ...T[]] | readonly T[]): T {
  if (items.length === 0) throw new RangeError("randomItem needs at least one item");
  return items[Math.floor(random() * items.length)] as T;
}

/** One item of a list of `[item, weight]` pairs, in proportion to the weights. */
export function randomWeighted<T>(random: RandomSource, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [item, weight] of entries) {
    if (r < weight) return item;
    r -= weight;
  }
  const last = entries[entries.length - 1];
  if (last === undefined) throw new RangeError("randomWeighted needs at least one entry");
  return last[0];
}
