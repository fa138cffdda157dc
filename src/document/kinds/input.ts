import { z } from '../zod';
import { expected, FILE_LIMITS, finite, labelSchema } from '../file/fileFields';
import { nodeFields } from '../file/nodeFields';
import { newId } from '../ids';
import type { Position } from '../types';
import type { KindDef, NodeBase } from './KindDef';
import { leafOutputs, leafStep } from './leaf';

/** A feature of the dataset: during training it holds each sample's x[feature] in turn. */
export interface InputNode extends NodeBase {
  kind: 'input';
  label: string;
  /** Which column of the dataset (0 is x1). */
  feature: number;
  /** The value shown when not training: the sample last looked at. */
  value: number;
}

/** A dataset feature; `feature` 0 is x1. */
export function createInput(position: Position, feature = 0): InputNode {
  return { id: newId(), kind: 'input', position, label: `x${feature + 1}`, feature, value: 0 };
}

const FEATURE_RULE = `a whole number from 0 to ${FILE_LIMITS.maxFeature}`;

/** The dataset input kind. */
export const inputKind: KindDef<InputNode, 'position' | 'label' | 'value' | 'feature'> = {
  kind: 'input',
  fileSchema: z.object({
    ...nodeFields('input'),
    /** The name shown on the node and used in generated code. */
    label: labelSchema,
    /** Which column of the dataset (0 is x1). */
    feature: z
      .number({ error: expected(FEATURE_RULE) })
      .int({ error: `must be ${FEATURE_RULE}` })
      .min(0, { error: `must be ${FEATURE_RULE}` })
      .max(FILE_LIMITS.maxFeature, { error: `must be ${FEATURE_RULE}` }),
    /** The sample shown when not training. */
    value: finite(),
  }),
  copy: (node) => ({ id: node.id, kind: 'input', position: { x: node.position.x, y: node.position.y }, label: node.label, feature: node.feature, value: node.value }),
  patchable: ['position', 'label', 'value', 'feature'],
  leaf: true,
  evaluate: (node) => leafOutputs(node.value, node.label),
  code: {
    variable: 'always',
    plan: (node, ctx) => leafStep(node.value, `input: feature x${node.feature + 1} of the dataset sample shown on the canvas`, ctx),
  },
  trainer: {
    check: (node) => (!Number.isInteger(node.feature) || node.feature < 0 ? `reads feature ${node.feature}, which no dataset has.` : null),
    feature: (node) => node.feature,
    unit: (node) => ({ kind: 'input', feature: node.feature, inputs: [] }),
  },
};
