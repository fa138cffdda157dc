/**
 * How many of `n` points each of `k` classes gets: as even as possible, the later classes taking
 * the remainder, so two classes split as the ±1 generators always have (floor(n/2) to the first).
 */
export function classSizes(n: number, k: number): number[] {
  const base = Math.floor(n / k);
  const extra = n - base * k;
  return Array.from({ length: k }, (_, j) => base + (j >= k - extra ? 1 : 0));
}
