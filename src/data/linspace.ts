/**
 * numpy's `linspace`, reproduced operation for operation (`i * step`, last point pinned to
 * `stop`) so that shapes ported from scikit-learn land on the same floating-point values.
 * `endpoint: false` leaves `stop` out, as make_circles does to avoid a duplicate point at 2π.
 */
export function linspace(start: number, stop: number, num: number, endpoint = true): number[] {
  if (num <= 0) return [];
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  const out: number[] = [];
  for (let i = 0; i < num; i++) out.push(i * step + start);
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}
