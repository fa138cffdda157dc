import { describe, expect, it } from 'vitest';
import { MAX_POINTS } from './limits';
import { DATASETS, defaultSpec, generate, getDatasetInfo, isDatasetKind } from './registry';
import type { DatasetKind } from './types';

// Typed as a record so adding a kind to DatasetKind fails to compile until it is listed here.
const ALL_KINDS: Record<DatasetKind, true> = {
  tiny4: true,
  moons: true,
  circles: true,
  xor: true,
  spiral: true,
  blobs: true,
};
const kinds = Object.keys(ALL_KINDS) as DatasetKind[];
const shaped = DATASETS.filter((d) => !d.fixed);

describe('the dataset registry', () => {
  it('lists every kind exactly once', () => {
    expect(DATASETS.map((d) => d.kind).sort()).toEqual(kinds.slice().sort());
  });

  it.each(DATASETS.map((d) => [d.kind, d] as const))(
    '%s: default spec gives the declared size and dimension, labels only ±1, both classes',
    (kind, info) => {
      const d = generate(defaultSpec(kind, 7));
      expect(d.x).toHaveLength(info.defaultN);
      expect(d.y).toHaveLength(info.defaultN);
      for (const row of d.x) {
        expect(row).toHaveLength(info.dimension);
        for (const v of row) expect(Number.isFinite(v)).toBe(true);
      }
      expect(new Set(d.y)).toEqual(new Set([-1, 1]));
    },
  );

  it.each(shaped.map((d) => [d.kind] as const))('%s: same seed, same points; new seed, new points', (kind) => {
    const spec = { kind, n: 60, noise: 0.1, seed: 42 };
    expect(generate(spec)).toEqual(generate({ ...spec }));
    expect(generate({ ...spec, seed: 43 }).x).not.toEqual(generate(spec).x);
  });

  it.each(shaped.map((d) => [d.kind] as const))('%s: counts split evenly, -1 taking floor(n/2)', (kind) => {
    for (const n of [0, 1, 2, 7, 100]) {
      const d = generate({ kind, n, noise: 0.1, seed: 1 });
      expect(d.x).toHaveLength(n);
      expect(d.y.filter((l) => l === -1)).toHaveLength(Math.floor(n / 2));
      expect(d.y.filter((l) => l === 1)).toHaveLength(n - Math.floor(n / 2));
    }
  });

  it.each(shaped.map((d) => [d.kind] as const))('%s: refuses a bad n or noise with a RangeError', (kind) => {
    for (const n of [-1, 2.5, NaN, MAX_POINTS + 1]) {
      expect(() => generate({ kind, n, noise: 0, seed: 0 })).toThrow(RangeError);
    }
    for (const noise of [-0.1, Infinity, NaN]) {
      expect(() => generate({ kind, n: 10, noise, seed: 0 })).toThrow(RangeError);
    }
  });

  it('makes tiny4 the same whatever the spec says', () => {
    expect(generate({ kind: 'tiny4', n: 50, noise: 1, seed: 3 })).toEqual(generate(defaultSpec('tiny4')));
    expect(getDatasetInfo('tiny4').dimension).toBe(3);
  });

  it('recognises kinds from untrusted input', () => {
    for (const k of kinds) expect(isDatasetKind(k)).toBe(true);
    for (const bad of ['Moons', '', 'toString', 3, null, undefined]) expect(isDatasetKind(bad)).toBe(false);
    expect(() => getDatasetInfo('nope' as DatasetKind)).toThrow(/unknown dataset kind/);
  });
});
