import type { OpType } from '../engine';
import type { Activation } from '../nn/activation';
import type { DatasetKind } from '../data/types';

/**
 * The graph the user draws: the only state that is saved. Data and grads are never stored here;
 * they are derived by `evaluate` (values are derived, never stored).
 */

/** A point on the canvas, in flow coordinates. */
export interface Position {
  x: number;
  y: number;
}

/** Fields every node has. */
interface NodeBase {
  /** Random (crypto.randomUUID), so ids never collide after a restore or a paste. */
  id: string;
  /** Top-left corner on the canvas. */
  position: Position;
  /** Set on the scalar nodes a neuron or layer was expanded into, so it can be collapsed again. */
  group?: GroupTag;
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

/** A leaf Value the user types or scrubs: micrograd's `Value(2.0, label='a')`. */
export interface ValueNode extends NodeBase {
  kind: 'value';
  /** The name shown on the node and used in generated code. */
  label: string;
  /** The leaf's data. */
  value: number;
  /** A parameter: training changes it (and L2 weighs it). Absent means false. */
  trainable?: boolean;
}

/** A feature of the dataset: during training it holds each sample's x[feature] in turn. */
export interface InputNode extends NodeBase {
  kind: 'input';
  label: string;
  /** Which column of the dataset (0 is x1). */
  feature: number;
  /** The value shown when not training: the sample last looked at. */
  value: number;
}

/** The label of the sample (−1 or +1): what the loss compares the prediction with. */
export interface TargetNode extends NodeBase {
  kind: 'target';
  label: string;
  /** The value shown when not training. */
  value: number;
}

/** How a Loss node scores one sample. */
export type LossKind = 'squared' | 'hinge' | 'bce';

/**
 * One sample's loss from a prediction and its target. Training sums ('squared', the lecture's
 * loss) or averages ('hinge', 'bce') it over the batch and adds L2 on the parameters.
 */
export interface LossNode extends NodeBase {
  kind: 'loss';
  label: string;
  loss: LossKind;
}

/**
 * A neuron drawn as one node: act(b + w0·x0 + w1·x1 + ...), its weights and bias kept in the
 * node. One input port per weight (x0, x1, ...), so a wire carries exactly one weight.
 */
export interface NeuronNode extends NodeBase {
  kind: 'neuron';
  label: string;
  activation: Activation;
  weights: number[];
  bias: number;
}

/** A layer of neurons sharing inputs: inputs x0..x(nin−1), outputs y0..y(nout−1). */
export interface LayerNode extends NodeBase {
  kind: 'layer';
  label: string;
  activation: Activation;
  /** weights[j][i]: from input i to neuron j. */
  weights: number[][];
  biases: number[];
}

/** A plain number operand, as `a * 2` turns 2 into a leaf in micrograd. */
export interface ConstantNode extends NodeBase {
  kind: 'constant';
  value: number;
}

/** One registry op applied to its wired inputs. */
export interface OpNode extends NodeBase {
  kind: 'op';
  /** The registry op's type. */
  op: OpType;
  /** The name of this intermediate Value (the lecture's `e`, `d`, `L`); may be empty. */
  label: string;
  /** The op's numeric parameter (pow's exponent); absent for ops without one. */
  param?: number;
}

/** Anything that can sit on the canvas. */
export type DocNode = ValueNode | ConstantNode | OpNode | InputNode | TargetNode | LossNode | NeuronNode | LayerNode;

/** What kinds of node exist. */
export type NodeKind = DocNode['kind'];

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

/** A labelled point: features and a class of −1 or +1. */
export interface LabelledPoint {
  x: number[];
  label: -1 | 1;
}

/**
 * The dataset and the training settings, kept in the document so that a saved file or a shared
 * link reproduces the run: generators and initial weights are seeded.
 */
export interface TrainingSetup {
  /** Which generator, how many points, how much noise, which seed. */
  dataset: { kind: DatasetKind; n: number; noise: number; seed: number };
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
}

/** The empty graph. */
export const EMPTY_DOC: GraphDoc = { nodes: {}, wires: {}, output: null };

/** Fields an edit may change on a node. Fields the node's kind does not have are ignored. */
export interface NodePatch {
  position?: Position;
  label?: string;
  value?: number;
  param?: number;
  trainable?: boolean;
  feature?: number;
  loss?: LossKind;
  activation?: Activation;
  weights?: number[] | number[][];
  bias?: number;
  biases?: number[];
}
