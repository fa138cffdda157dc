/**
 * Seeded randomness, so that the same seed always gives the same dataset and the same initial
 * weights (a shared link reproduces a run). mulberry32: tiny, fast, and good enough for
 * drawing points and weights; not for cryptography.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal (Box–Muller), mean 0 and standard deviation 1. */
  normal(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/** A generator whose whole sequence is fixed by `seed` (any number; fractions are hashed in). */
export function createRng(seed: number): Rng {
  let state = hashSeed(seed);
  let spare: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // 1 - next() is in (0, 1], so the log is finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
  };
}

/** Folds any finite number (negative, fractional, large) into a 32-bit starting state. */
function hashSeed(seed: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Number.isFinite(seed) ? seed : 0);
  let h = 0x9e3779b9;
  for (let i = 0; i < 8; i++) {
    h = Math.imul(h ^ view.getUint8(i), 0x85ebca6b);
    h ^= h >>> 13;
  }
  return h | 0;
}
