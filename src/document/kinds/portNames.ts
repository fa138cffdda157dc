/** The port most nodes produce their value on. */
export const OUT = 'out';

/** Port names prefix0, prefix1, ... for a node with n of them (a neuron's x0.., a layer's y0..). */
export function indexedPorts(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}
