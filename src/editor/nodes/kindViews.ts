import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import { OPS, type OpGroup } from '../../engine';
import type { Kind } from '../../document/kinds';
import { createConstant } from '../../document/kinds/constant';
import { createInput } from '../../document/kinds/input';
import { createLayer } from '../../document/kinds/layer';
import { createLoss } from '../../document/kinds/loss';
import { createNeuron } from '../../document/kinds/neuron';
import { createOp } from '../../document/kinds/op';
import { createTarget } from '../../document/kinds/target';
import { createValue } from '../../document/kinds/value';
import type { DocNode, GraphDoc, Position } from '../../document/types';
import { ConstantNodeView } from './ConstantNodeView';
import { InputNodeView, TargetNodeView } from './DataNodeViews';
import { LayerNodeView } from './LayerNodeView';
import { LossNodeView } from './LossNodeView';
import { NeuronNodeView } from './NeuronNodeView';
import { OpNodeView } from './OpNodeView';
import { ValueNodeView } from './ValueNodeView';
import { CompactConstant, CompactLeaf, CompactLoss, CompactOp, CompactTarget } from './compact/CompactCard';
import { CompactLayer, CompactNeuron } from './compact/CompactNetwork';
import { withSemanticZoom } from './compact/withSemanticZoom';

/** One thing the palette offers. */
export interface PaletteItem {
  id: string;
  label: string;
  glyph: string;
  doc: string;
  group: 'Leaves' | OpGroup | 'Network';
  /** A new node of this kind at a canvas position, with a fresh label where it has one. */
  create(position: Position, doc: GraphDoc): DocNode;
}

/** What the editor shows for one node kind: its card on the canvas and its palette entries. */
export interface KindView {
  /** The React Flow node component: the full card, with its compact form when zoomed out. */
  View: ComponentType<NodeProps>;
  /** What the palette (and the canvas's context menu) offers of this kind, in order. */
  palette: readonly PaletteItem[];
}

/** The next unused single-letter name (a, b, c, ... then a1, b1, ...), as the lecture names leaves. */
function nextLeafLabel(doc: GraphDoc): string {
  const used = new Set(Object.values(doc.nodes).map((n) => ('label' in n ? n.label : '')));
  for (let round = 0; ; round++) {
    for (const letter of 'abcdefghijkmnpqrstuvwxyz') {
      const name = round === 0 ? letter : `${letter}${round}`;
      if (!used.has(name)) return name;
    }
  }
}

/**
 * Every node kind's view and palette entries, in palette order. Typed against the document's
 * kind registry, so a kind without a view is a type error (the SVG export's cards have their
 * own table, `files/svgCardKinds.ts`, which stays free of React).
 */
export const KIND_VIEWS = {
  value: {
    View: withSemanticZoom(ValueNodeView, CompactLeaf),
    palette: [
      {
        id: 'value',
        label: 'Value',
        glyph: 'v',
        doc: 'A leaf Value: a number you set, like Value(2.0, label="a").',
        group: 'Leaves',
        create: (p, doc) => createValue(p, 1, nextLeafLabel(doc)),
      },
    ],
  },
  constant: {
    View: withSemanticZoom(ConstantNodeView, CompactConstant),
    palette: [{ id: 'constant', label: 'Constant', glyph: '#', doc: 'A plain number operand, as in a * 2.', group: 'Leaves', create: (p) => createConstant(p, 1) }],
  },
  // Every registry op, under the group its definition names.
  op: {
    View: withSemanticZoom(OpNodeView, CompactOp),
    palette: OPS.map((op): PaletteItem => ({ id: op.type, label: op.label, glyph: op.glyph, doc: op.doc, group: op.group, create: (p) => createOp(op.type, p) })),
  },
  input: {
    View: withSemanticZoom(InputNodeView, CompactLeaf),
    palette: [
      {
        id: 'input',
        label: 'Input',
        glyph: 'x',
        doc: 'A dataset feature (x1, x2): during training it holds each sample in turn.',
        group: 'Network',
        create: (p, doc) => createInput(p, Object.values(doc.nodes).filter((n) => n.kind === 'input').length % 3),
      },
    ],
  },
  neuron: {
    View: withSemanticZoom(NeuronNodeView, CompactNeuron),
    palette: [{ id: 'neuron', label: 'Neuron', glyph: 'Σ', doc: 'act(b + Σ wᵢxᵢ) with its own weights and bias; 2 inputs to start.', group: 'Network', create: (p) => createNeuron(p, 2) }],
  },
  layer: {
    View: withSemanticZoom(LayerNodeView, CompactLayer),
    palette: [{ id: 'layer', label: 'Layer', glyph: '▤', doc: 'Several neurons over the same inputs: 2 inputs, 4 outputs to start.', group: 'Network', create: (p) => createLayer(p, 2, 4) }],
  },
  target: {
    View: withSemanticZoom(TargetNodeView, CompactTarget),
    palette: [{ id: 'target', label: 'Target', glyph: 'y', doc: 'The sample’s label, −1 or +1.', group: 'Network', create: (p) => createTarget(p) }],
  },
  loss: {
    View: withSemanticZoom(LossNodeView, CompactLoss),
    palette: [{ id: 'loss', label: 'Loss', glyph: 'ℒ', doc: 'How wrong one prediction is: squared error, hinge or cross-entropy.', group: 'Network', create: (p) => createLoss(p) }],
  },
} satisfies Record<Kind, KindView>;
