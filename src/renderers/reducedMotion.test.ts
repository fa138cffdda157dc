import { afterEach, describe, expect, it, vi } from 'vitest';
import { motionMs, prefersReducedMotion } from './reducedMotion';

describe('prefersReducedMotion', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is false where there is no matchMedia (Node, old browsers)', () => {
    vi.stubGlobal('matchMedia', undefined);
    expect(prefersReducedMotion()).toBe(false);
  });

  it('follows the system setting, asked with the reduced-motion query, at each call', () => {
    let reduce = true;
    const queries: string[] = [];
    vi.stubGlobal('matchMedia', (query: string) => {
      queries.push(query);
      return { matches: reduce };
    });
    expect(prefersReducedMotion()).toBe(true);
    reduce = false;
    expect(prefersReducedMotion()).toBe(false);
    expect(queries).toEqual(['(prefers-reduced-motion: reduce)', '(prefers-reduced-motion: reduce)']);
  });

  it('makes animations instant (0 ms) for people who ask for less motion, and leaves them otherwise', () => {
    let reduce = true;
    vi.stubGlobal('matchMedia', () => ({ matches: reduce }));
    expect(motionMs(300)).toBe(0);
    reduce = false;
    expect(motionMs(300)).toBe(300);
  });
});
