import type { Activation } from '../nn/activation';
import type { DatasetKind } from '../data/types';
import type { OptimiserSettings } from '../nn/optimisers';
import type { DocNode } from './kinds';

export type { DocNode, Kind, NodePatch } from './kinds';
export type { ConstantNode } from './kinds/constant';
export type { InputNode } from './kinds/input';
export type { LayerNode } from './kinds/layer';
export type { LossKind, LossNode } from './kinds/loss';
export type { NeuronNode } from './kinds/neuron';
export type { OpNode } from './kinds/op';
export type { TargetNode } from './kinds/target';
export type { ValueNode } from './kinds/value';

/**
 * The graph the user draws: the only state that is saved. Data and grads are never stored here;
 * they are derived by `evaluate` (values are derived, never stored).
 */

/** A point on the canvas, in flow coordinates. */
export interface Position {
  x: number;
  y: number;
}

/** What an expanded neuron or layer remembers about itself on each of its scalar nodes. */
export interface GroupTag {
  /** Shared by every node of one expansion. */
  id: string;
  kind: 'neuron' | 'layer';
  label: string;
  activation: Activation;
  /** This node's part: 'w:j:i' (weight i of neuron j), 'b:j', 'mul:j:i', 'add:j:i', 'act:j'. */
  role: string;
}

/** A wire from one node's output to a named input port of another. */
export interface Wire {
  id: string;
  /** The node whose output feeds the port. */
  source: string;
  /** The output port of the source it leaves from; absent means 'out', the only output most nodes have. */
  from?: string;
  /** The node that reads it. */
  target: string;
  /** The target op's input name ('a', 'b', 'x'), from the op registry. */
  port: string;
}

/** The whole drawn graph. Immutable: every edit makes a new object, sharing what did not change. */
export interface GraphDoc {
  /** Nodes by id. */
  nodes: Readonly<Record<string, DocNode>>;
  /** Wires by id. */
  wires: Readonly<Record<string, Wire>>;
  /** The node backward starts from; when null, the graph's single sink is used. */
  output: string | null;
  /** What the drawn network trains on and how; absent until the person opens Train. */
  training?: TrainingSetup;
}

/** A labelled point: features and a class, −1 or +1 for two classes, 0..k−1 for k. */
export interface LabelledPoint {
  x: number[];
  label: number;
}

/**
 * The dataset and the training settings, kept in the document so that a saved file or a shared
 * link reproduces the run: generators and initial weights are seeded.
 */
export interface TrainingSetup {
  /** Which generator, how many points, how much noise, which seed. */
  dataset: { kind: DatasetKind; n: number; noise: number; seed: number; classes?: number };
  /** Fraction of the points held out to measure test accuracy. */
  testFraction: number;
  /** Points the person added by clicking the plot. */
  added: LabelledPoint[];
  /** A CSV the person imported: used instead of the generator while present. */
  imported: { name: string; points: LabelledPoint[] } | null;
  /** The learning rate (the slider). */
  lr: number;
  /** Constant, or micrograd's linear decay lr·(1 − 0.9·k/decaySteps). */
  schedule: 'constant' | 'linear';
  decaySteps: number;
  /** Samples per step; 0 means the whole training set (full batch). */
  batchSize: number;
  /** L2 strength. */
  alpha: number;
  /** Seeds weight initialisation on Reset and Insert MLP. */
  initSeed: number;
  /** SGD, momentum, Adam or AdamW with its settings; absent (older files) means plain SGD. */
  optimiser?: OptimiserSettings;
}

/** The empty graph. */
export const EMPTY_DOC: GraphDoc = { nodes: {}, wires: {}, output: null };
