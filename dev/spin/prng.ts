/** Seeded PRNG (mulberry32) and small sampling helpers for the deterministic spinner. */

export class Rng {
  private state: number;

  constructor(seed: number) {
    // spread small integer seeds over the state space
    this.state = (Math.imul(seed >>> 0 || 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** True with probability p. Always consumes one draw. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Index drawn proportionally to non-negative weights (-1 when all are 0). Consumes one draw. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    const r = this.next() * total;
    if (total <= 0) return -1;
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (r < acc) return i;
    }
    return weights.length - 1;
  }

  /** Uniform pick from a non-empty array. Consumes one draw. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}
