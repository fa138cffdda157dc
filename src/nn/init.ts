import { createRng } from '../data/random';

/** Where initial weights come from: a seed (reproducible) or any uniform [0, 1) source. */
export interface InitOptions {
  /** Same seed, same weights. Without a seed (and without `random`), Math.random is used. */
  seed?: number;
  /** A uniform [0, 1) source, shared by the neurons of a layer or network so each gets fresh draws. */
  random?: () => number;
}

/** The uniform source for these options; a seed wins over Math.random. */
export function randomSource(opts: InitOptions): () => number {
  if (opts.random) return opts.random;
  if (opts.seed !== undefined) return createRng(opts.seed).next;
  return Math.random;
}
