import { abPlusC } from './abPlusC';
import { lectureL } from './lectureL';
import { mlpForward } from './mlpForward';
import { nodeUsedTwice } from './nodeUsedTwice';
import { quadratic } from './quadratic';
import { readmeExample } from './readmeExample';
import { tanhFromExp } from './tanhFromExp';
import { tanhNeuron } from './tanhNeuron';
import { tinyMlp } from './tinyMlp';
import { withStoredLayout } from './storedLayout';
import type { Preset } from './types';

export type { Preset, PresetExpectation } from './types';
export { DocBuilder, type BuilderInput, type NodeRef } from './DocBuilder';
export { storedLayoutSizes, type CardSize } from './storedLayout';

/** Every preset, in the order the lecture meets them (the menu's order), placed by its stored layout. */
export const PRESETS: readonly Preset[] = [
  readmeExample,
  quadratic,
  abPlusC,
  lectureL,
  tanhNeuron,
  nodeUsedTwice,
  tanhFromExp,
  mlpForward,
  tinyMlp,
].map((preset) => withStoredLayout(preset));

/** The preset with this id, or undefined (ids may come from a shared link). */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
