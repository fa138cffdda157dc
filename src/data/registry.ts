import { makeBlobs } from './blobs';
import { makeCircles } from './circles';
import { makeMoons } from './moons';
import { makeSpiral } from './spiral';
import { tiny4 } from './tiny4';
import type { Dataset, DatasetKind, DatasetSpec, GeneratorOptions } from './types';
import { makeXor } from './xor';
import { MAX_GENERATED_CLASSES } from './limits';

/** What the UI needs to offer one built-in dataset, and how to make it. */
export interface DatasetInfo {
  kind: DatasetKind;
  /** Dropdown text. */
  label: string;
  /** One line on what the shape teaches, for a tooltip. */
  hint: string;
  /** Features per point: the network's input size. */
  dimension: 2 | 3;
  /** True when `n`, `noise` and `seed` are ignored (the lecture's fixed samples): the UI hides those controls. */
  fixed: boolean;
  defaultN: number;
  defaultNoise: number;
  /** Most classes the generator can make: 2 for the fixed two-class shapes, more for spiral and blobs. */
  maxClasses: number;
  generate(options: GeneratorOptions): Dataset;
}

/** Every built-in dataset, in dropdown order (easiest first). */
export const DATASETS: readonly DatasetInfo[] = [
  {
    kind: 'tiny4',
    label: 'Lecture: 4 samples',
    hint: 'The four 3-input examples from the micrograd video; a tiny network fits them exactly.',
    dimension: 3,
    fixed: true,
    defaultN: 4,
    defaultNoise: 0,
    maxClasses: 2,
    generate: () => tiny4(),
  },
  {
    kind: 'blobs',
    label: 'Blobs',
    hint: 'Clouds straight lines can separate: for two, a single neuron is enough.',
    dimension: 2,
    fixed: false,
    defaultN: 100,
    defaultNoise: 0.5,
    maxClasses: MAX_GENERATED_CLASSES,
    generate: makeBlobs,
  },
  {
    kind: 'moons',
    label: 'Moons',
    hint: "The demo notebook's dataset: two interlocking half circles need a curved boundary.",
    dimension: 2,
    fixed: false,
    defaultN: 100,
    defaultNoise: 0.1,
    maxClasses: 2,
    generate: makeMoons,
  },
  {
    kind: 'circles',
    label: 'Circles',
    hint: 'A ring around a disc: no line works, a hidden layer bends the boundary into a loop.',
    dimension: 2,
    fixed: false,
    defaultN: 100,
    defaultNoise: 0.05,
    maxClasses: 2,
    generate: makeCircles,
  },
  {
    kind: 'xor',
    label: 'XOR',
    hint: 'Opposite corners share a class: the classic problem one neuron cannot solve.',
    dimension: 2,
    fixed: false,
    defaultN: 100,
    defaultNoise: 0.05,
    maxClasses: 2,
    generate: makeXor,
  },
  {
    kind: 'spiral',
    label: 'Spiral',
    hint: 'Interleaved arms: the hardest shape here, it needs a wider, deeper network.',
    dimension: 2,
    fixed: false,
    defaultN: 200,
    defaultNoise: 0.02,
    maxClasses: MAX_GENERATED_CLASSES,
    generate: makeSpiral,
  },
];

const byKind = new Map<string, DatasetInfo>(DATASETS.map((d) => [d.kind, d]));

/** Narrows untrusted text (a URL parameter, a loaded document) to a known kind. */
export function isDatasetKind(kind: unknown): kind is DatasetKind {
  return typeof kind === 'string' && byKind.has(kind);
}

/** The registry entry for a kind; throws for an unknown one, which is a programming error. */
export function getDatasetInfo(kind: DatasetKind): DatasetInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown dataset kind '${kind}'`);
  return info;
}

/** A spec with the kind's default size and noise, for a freshly chosen dataset. */
export function defaultSpec(kind: DatasetKind, seed = 0): DatasetSpec {
  const info = getDatasetInfo(kind);
  return { kind, n: info.defaultN, noise: info.defaultNoise, seed };
}

/** The classes a spec asks for, within what its generator can make (2 when it does not say). */
export function classesOf(spec: DatasetSpec): number {
  return Math.min(spec.classes ?? 2, getDatasetInfo(spec.kind).maxClasses);
}

/** Regenerates the dataset a spec describes; the same spec always gives the same points. */
export function generate(spec: DatasetSpec): Dataset {
  const { kind, n, noise, seed } = spec;
  const classes = classesOf(spec);
  // Two classes are passed as absent, so the two-class generators see exactly what they always did.
  return getDatasetInfo(kind).generate(classes === 2 ? { n, noise, seed } : { n, noise, seed, classes });
}
