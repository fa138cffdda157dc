/**
 * Datasets: seeded generators, the lecture's samples, a CSV reader and a train/test split.
 * Imports nothing of ours, so training code and the UI can both depend on it.
 */
export { createRng, type Rng } from './random';
export type { Dataset, DatasetKind, DatasetSpec, GeneratorOptions, Label, Point2 } from './types';
export { MAX_CLASSES, MAX_GENERATED_CLASSES, MAX_POINTS } from './limits';
export { classCountOf, classLabels } from './classes';
export { tiny4 } from './tiny4';
export { makeMoons } from './moons';
export { makeCircles, type CirclesOptions } from './circles';
export { makeXor, type XorOptions } from './xor';
export { makeSpiral, type SpiralOptions } from './spiral';
export { makeBlobs, type BlobsOptions } from './blobs';
export {
  DATASETS,
  classesOf,
  defaultSpec,
  generate,
  getDatasetInfo,
  isDatasetKind,
  type DatasetInfo,
} from './registry';
export { splitDataset, type Split, type SplitOptions } from './split';
export { MAX_CSV_CHARS, parseCsv, type CsvOptions, type CsvResult } from './csv';
