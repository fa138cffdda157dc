import { OPS, type OpType } from '../../engine';
import { createConstant } from '../../document/kinds/constant';
import { createInput } from '../../document/kinds/input';
import { createLayer } from '../../document/kinds/layer';
import { createLoss } from '../../document/kinds/loss';
import { createNeuron } from '../../document/kinds/neuron';
import { createOp } from '../../document/kinds/op';
import { createTarget } from '../../document/kinds/target';
import { createValue } from '../../document/kinds/value';
import type { DocNode, GraphDoc, Position } from '../../document/types';

/** One thing the palette offers. */
export interface PaletteItem {
  id: string;
  label: string;
  glyph: string;
  doc: string;
  group: 'Leaves' | 'Arithmetic' | 'Activations' | 'Functions' | 'Network';
  /** A new node of this kind at a canvas position, with a fresh label where it has one. */
  create(position: Position, doc: GraphDoc): DocNode;
}

const ACTIVATIONS = new Set<string>(['relu', 'tanh', 'sigmoid']);
const FUNCTIONS = new Set<string>(['exp', 'log']);

/** The next unused single-letter name (a, b, c, ... then a1, b1, ...), as the lecture names leaves. */
export function nextLeafLabel(doc: GraphDoc): string {
  const used = new Set(Object.values(doc.nodes).map((n) => ('label' in n ? n.label : '')));
  for (let round = 0; ; round++) {
    for (const letter of 'abcdefghijkmnpqrstuvwxyz') {
      const name = round === 0 ? letter : `${letter}${round}`;
      if (!used.has(name)) return name;
    }
  }
}

/** Value, Constant, then every registry op: the palette is read from the registry. */
export const PALETTE_ITEMS: readonly PaletteItem[] = [
  {
    id: 'value',
    label: 'Value',
    glyph: 'v',
    doc: 'A leaf Value: a number you set, like Value(2.0, label="a").',
    group: 'Leaves',
    create: (p, doc) => createValue(p, 1, nextLeafLabel(doc)),
  },
  {
    id: 'constant',
    label: 'Constant',
    glyph: '#',
    doc: 'A plain number operand, as in a * 2.',
    group: 'Leaves',
    create: (p) => createConstant(p, 1),
  },
  ...OPS.map(
    (op): PaletteItem => ({
      id: op.type,
      label: op.label,
      glyph: op.glyph,
      doc: op.doc,
      group: ACTIVATIONS.has(op.type) ? 'Activations' : FUNCTIONS.has(op.type) ? 'Functions' : 'Arithmetic',
      create: (p) => createOp(op.type as OpType, p),
    }),
  ),
  {
    id: 'input',
    label: 'Input',
    glyph: 'x',
    doc: 'A dataset feature (x1, x2): during training it holds each sample in turn.',
    group: 'Network',
    create: (p, doc) => createInput(p, Object.values(doc.nodes).filter((n) => n.kind === 'input').length % 3),
  },
  { id: 'neuron', label: 'Neuron', glyph: 'Σ', doc: 'act(b + Σ wᵢxᵢ) with its own weights and bias; 2 inputs to start.', group: 'Network', create: (p) => createNeuron(p, 2) },
  { id: 'layer', label: 'Layer', glyph: '▤', doc: 'Several neurons over the same inputs: 2 inputs, 4 outputs to start.', group: 'Network', create: (p) => createLayer(p, 2, 4) },
  { id: 'target', label: 'Target', glyph: 'y', doc: 'The sample’s label, −1 or +1.', group: 'Network', create: (p) => createTarget(p) },
  { id: 'loss', label: 'Loss', glyph: 'ℒ', doc: 'How wrong one prediction is: squared error, hinge or cross-entropy.', group: 'Network', create: (p) => createLoss(p) },
];
