import type { OpDef, Value } from '../../engine';
import type { Activation } from '../../nn/activation';
import type { z } from '../zod';
import type { PlanOperand, PlanParam, PlanPrint, PlanStep } from '../codegen/plan';
import type { GroupTag, Position } from '../types';

/**
 * The shape of one node kind. Everything that works on nodes of any kind (the file format,
 * edits, ports, evaluate, code export, the compiled trainer) reads these definitions, so a new
 * kind is one file in this folder and one line in `index.ts`, plus its entries in the editor's
 * tables (`editor/nodes/kindViews.ts`, `editor/files/svgCardKinds.ts`); all are typed so a
 * missing piece is a type error.
 */

/** Fields every node has. */
export interface NodeBase {
  /** Random (crypto.randomUUID), so ids never collide after a restore or a paste. */
  id: string;
  /** Top-left corner on the canvas. */
  position: Position;
  /** Set on the scalar nodes a neuron or layer was expanded into, so it can be collapsed again. */
  group?: GroupTag;
}

/** The parameter Values a composite node owns (a neuron's or layer's weights and biases). */
export interface OwnedParams {
  weights: Value[] | Value[][];
  bias: Value | Value[];
}

/** What a node's forward pass gives: its outputs in output-port order, or why it has none. */
export type KindOutputs = { outputs: Value[]; params?: OwnedParams } | { refused: string };

/** Where one parameter sits inside a node (see training/compiled/model.ts's ParamRef). */
export interface ParamSlot {
  /** A trainable Value node's 'value', or a neuron's or layer's 'weight' or 'bias'. */
  field: 'value' | 'weight' | 'bias';
  /** The neuron within a layer (weights[unit], biases[unit]); 0 for neurons and values. */
  unit: number;
  /** The input a weight belongs to (weights[i] or weights[unit][i]); 0 for biases and values. */
  input: number;
}

/** One output of a trainer unit: a layer's port j, or port 0. */
export interface IrRef {
  node: IrNode;
  port: number;
}

/** A unit of the compiled trainer's per-sample computation (see training/compiled/ir.ts). */
export type IrNode =
  | { kind: 'param'; index: number; inputs: readonly IrRef[] }
  | { kind: 'const'; value: number; inputs: readonly IrRef[] }
  | { kind: 'input'; feature: number; inputs: readonly IrRef[] }
  | { kind: 'target'; inputs: readonly IrRef[] }
  | { kind: 'op'; op: OpDef; k: number; inputs: readonly IrRef[] }
  | { kind: 'dense'; activation: Activation; nin: number; nout: number; firstParam: number; inputs: readonly IrRef[] };

/** What the code planner hands a kind when it plans that kind's step (see codegen/plan.ts). */
export interface PlanContext {
  id: string;
  /** The node's variable name. */
  name: string;
  /** The node's label ('' for none). */
  label: string;
  /** The wired operands, in input-port order. */
  args(): PlanOperand[];
  /** The print line for an output of this node ('out' unless given). */
  out(printedName: string, printedLabel: string, port?: string): PlanPrint;
  /** A weight or bias Value named after `base` (the node's variable), labelled `shown.suffix`. */
  param(base: string, shown: string, suffix: string, value: number): PlanParam;
  /** A fresh variable name derived from `base`, never one already taken. */
  fresh(base: string): string;
  /** Gives output `port` of this node the variable `name`, for the nodes that read it. */
  nameOutput(port: string, name: string): void;
  /** Notes that the program writes this number (to spot non-finite ones). */
  number(value: number): void;
  /** Notes that the program uses this op (its Python helper comes out once). */
  use(op: OpDef): void;
}

/** The zod schema of one node kind in a file: an object whose `kind` is the kind's literal. */
export type NodeFileSchema<K extends string> = z.ZodObject<{ kind: z.ZodLiteral<K> } & z.ZodRawShape>;

/**
 * One node kind: `N` is its node type, `P` the fields an edit may change. Optional parts have
 * a default that says what most kinds do (no inputs, one output 'out', no parameters).
 */
export interface KindDef<N extends NodeBase & { kind: string }, P extends keyof N = keyof N> {
  readonly kind: N['kind'];
  /** How a node of this kind is stored in a file, version 1 (see file/fileFormat.ts). */
  readonly fileSchema: NodeFileSchema<N['kind']>;
  /**
   * A fresh copy with exactly the fields this kind has, nothing shared: a file is read and
   * written through it (unknown fields dropped, optional fields written only when they mean
   * something).
   */
  copy(node: N): N;
  /** The fields `updateNode` may change. */
  readonly patchable: readonly P[];
  /** True for nodes with no inputs whose number the user or the dataset sets. */
  readonly leaf: boolean;
  /** The input port names, in order. Default: none. */
  inputPorts?(node: N): readonly string[];
  /** The output port names, in order. Default: the one output 'out'. */
  outputPorts?(node: N): readonly string[];
  /** What makes a node of this kind unusable whatever its wiring (an unknown op), or null. */
  problem?(node: N): string | null;
  /**
   * Why no wire may be drawn into the node as it is set up (a softmax over 1 class), or null.
   * Unlike `problem`, such a node is still a valid file: the person can fix the setting.
   */
  refusesWires?(node: N): string | null;
  /** A short name for messages when the node has no label ("a value", "the add node"). */
  describe?(node: N): string;
  /**
   * The forward pass: output Values in output-port order, built from the inputs' Values (in
   * input-port order) as micrograd would, so backward through them is the lecture's.
   */
  evaluate(node: N, inputs: readonly Value[]): KindOutputs;
  /** How code export writes the node (see codegen/plan.ts). */
  readonly code: {
    /**
     * 'always': a variable of its own (a leaf); 'inline': written as a number where it is read,
     * unless it is the output; 'computed': a line of its own once its inputs are written.
     */
    readonly variable: 'always' | 'inline' | 'computed';
    /** Why the node cannot be written at all (before its wiring is looked at), or null. */
    whyNot?(node: N): string | null;
    /** Why the node, though written, cannot be where backward starts; default: it can. */
    whyNotOutput?(node: N): string | null;
    /** The node's step of the program. */
    plan(node: N, ctx: PlanContext): PlanStep;
  };
  /** How the compiled trainer sees the node (see training/compiled/). */
  readonly trainer: {
    /** Why a network holding this node cannot be trained, after the node's name; or null. */
    check?(node: N): string | null;
    /** The dataset column the node reads, if it reads one. */
    feature?(node: N): number | null;
    /** The parameters the node owns, in micrograd's parameters() order. Default: none. */
    params?(node: N): ParamSlot[];
    /** One parameter's value, or undefined when the node has no such parameter. */
    readParam?(node: N, slot: ParamSlot): number | undefined;
    /** The node with one parameter set; `owned` when `node` is already a private copy. */
    writeParam?(node: N, slot: ParamSlot, value: number, owned: boolean): N;
    /**
     * The node's unit in the trainer's graph; null for the loss, which the trainer expands
     * itself. `firstParam` is the index of its first parameter, when it has any.
     */
    unit(node: N, inputs: () => IrRef[], firstParam: number | undefined): IrNode | null;
  };
}
