import type { OpDef } from '../../engine';
import type { LossKind } from '../../document/types';
import type { ParamRef } from './model';

/**
 * A compiled network: a flat tape of instructions over one Float64Array of slots (values) and a
 * matching one of grads. The parameters occupy slots [0, paramCount), so an instruction that
 * reads a weight or a trainable Value reads the parameter itself and adds its gradient straight
 * into the parameter's grad, exactly where the Value engine would (see compile.ts).
 *
 * Instruction layouts in `code` (every operand an Int32; "slot" = index into the value/grad
 * arrays):
 *
 *   INPUT   slot feature                     slot ← the sample's x[feature]
 *   TARGET  slot                             slot ← the sample's label
 *   ADD     out a b                          out ← a + b      (and SUB, MUL the same way)
 *   NEG     out a                            out ← −a
 *   OP      opIndex out a b kIndex           out ← ops[opIndex].forward(a, b or 0, nums[kIndex]); b = −1 for unary ops
 *   ACT     activation n pre out             out+j ← f(pre+j) for j < n   (ReLU, tanh, sigmoid of the registry)
 *   DENSE   nin nout w x pre inGrad          pre+j ← b[j] + w[j]·(x, x+1, …, x+nin−1)   for j < nout
 *   DENSEX  nin nout w pre inGrad s0 … s(nin−1)    the same over scattered input slots s_i
 *
 * DENSE reads neuron j's weights at w + j·(nin+1) and its bias right after them: micrograd's
 * parameters() order (weights then bias, neuron by neuron). `inGrad` is 0 when no input
 * depends on a parameter, so backward can skip the inputs' gradients (a first layer's).
 */
export interface Program {
  /** The instructions, each an opcode followed by its operands. */
  readonly code: Int32Array;
  /** Where each instruction starts in `code`, in execution order. */
  readonly starts: Int32Array;
  /** The instructions the score needs (for predictions and the decision boundary), in order. */
  readonly scoreStarts: Int32Array;
  /** Per instruction (same index as `starts`): 1 when backward must run it. */
  readonly needsGrad: Uint8Array;
  /** Registry ops that OP instructions call, by opIndex. */
  readonly ops: readonly OpDef[];
  /** Numeric operands (ops' k) by kIndex. */
  readonly nums: Float64Array;
  /** Size of the value and grad arrays. */
  readonly slotCount: number;
  /** Parameters sit in slots [0, paramCount), in micrograd's order. */
  readonly paramCount: number;
  /** Which document field each parameter came from, by parameter index. */
  readonly paramRefs: readonly ParamRef[];
  /** Starting values of every slot: the document's parameters, constants and 0 elsewhere. */
  readonly init: Float64Array;
  /** The slot holding the network's prediction (the loss's score input). */
  readonly scoreSlot: number;
  /** The slots of every score the loss reads: k for a softmax (class j's at j), else [scoreSlot]. */
  readonly scoreSlots: Int32Array;
  /** Scores per prediction: k for a softmax, 1 for the two-class losses. */
  readonly classes: number;
  /** The slot holding one sample's loss. */
  readonly lossSlot: number;
  readonly lossKind: LossKind;
  /** 'sum' (squared error, the lecture's) or 'mean' (hinge and cross-entropy, micrograd's demo). */
  readonly reduction: 'sum' | 'mean';
  /** 1 + the highest feature index an input node reads: the columns a dataset must have. */
  readonly featureCount: number;
  /** The loss node trained. */
  readonly lossNodeId: string;
  /**
   * The neurons and layers the score depends on, in tape order: each one's first parameter (so
   * paramRefs names its node), its outputs and the slot of the first; the per-unit heatmaps read them.
   */
  readonly denseUnits: readonly { readonly firstParam: number; readonly nout: number; readonly out: number }[];
}

// Opcodes. Plain numeric constants, so the interpreter's switch compiles to a jump table.
export const INPUT = 0;
export const TARGET = 1;
export const ADD = 2;
export const SUB = 3;
export const MUL = 4;
export const NEG = 5;
export const OP = 6;
export const ACT = 7;
export const DENSE = 8;
export const DENSEX = 9;

// Activation codes for ACT (linear needs no instruction).
export const RELU = 1;
export const TANH = 2;
export const SIGMOID = 3;
