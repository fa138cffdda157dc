import { getOp } from '../../engine';
import * as codes from './program';
import type { Program } from './program';

/**
 * Runs a Program's tape over typed arrays. No allocation: every argument is an array or an
 * integer (a double argument could be boxed on the heap), and results stay in `mem` and `grad`.
 * Each operation does exactly what the Value engine does with the same numbers: registry ops are
 * called through their OpDef, and the inline cases are the registry's own one-line formulas.
 */

// Local copies of the opcodes: test runners and tsx compile an imported binding to a getter
// call, and the switches below are the hottest code of training.
const { ACT, ADD, DENSE, DENSEX, INPUT, MUL, NEG, OP, RELU, SIGMOID, SUB, TANH, TARGET } = codes;

// Activations get a call site each, so each site sees one function and the JIT inlines it.
const RELU_OP = getOp('relu');
const TANH_OP = getOp('tanh');
const SIGMOID_OP = getOp('sigmoid');

/**
 * Runs the instructions listed in `list` (offsets into p.code) forward for one sample: input
 * nodes read x[row·xStride + feature], target nodes y[row].
 */
export function forward(p: Program, list: Int32Array, mem: Float64Array, x: Float64Array, xStride: number, y: Float64Array, row: number): void {
  const code = p.code;
  for (let n = 0; n < list.length; n++) {
    const pc = list[n]!;
    switch (code[pc]) {
      case INPUT:
        mem[code[pc + 1]!] = x[row * xStride + code[pc + 2]!]!;
        break;
      case TARGET:
        mem[code[pc + 1]!] = y[row]!;
        break;
      case ADD:
        mem[code[pc + 1]!] = mem[code[pc + 2]!]! + mem[code[pc + 3]!]!;
        break;
      case SUB:
        mem[code[pc + 1]!] = mem[code[pc + 2]!]! - mem[code[pc + 3]!]!;
        break;
      case MUL:
        mem[code[pc + 1]!] = mem[code[pc + 2]!]! * mem[code[pc + 3]!]!;
        break;
      case NEG:
        mem[code[pc + 1]!] = -mem[code[pc + 2]!]!;
        break;
      case OP: {
        const b = code[pc + 4]!;
        mem[code[pc + 2]!] = p.ops[code[pc + 1]!]!.forward(mem[code[pc + 3]!]!, b < 0 ? 0 : mem[b]!, p.nums[code[pc + 5]!]!);
        break;
      }
      case ACT:
        activate(code[pc + 1]!, code[pc + 2]!, code[pc + 3]!, code[pc + 4]!, mem);
        break;
      case DENSE:
        dense(code[pc + 1]!, code[pc + 2]!, code[pc + 3]!, code[pc + 4]!, code[pc + 5]!, mem);
        break;
      case DENSEX:
        denseIndexed(code, pc + 6, code[pc + 1]!, code[pc + 2]!, code[pc + 3]!, code[pc + 4]!, mem);
        break;
    }
  }
}

/**
 * Adds every instruction's contribution to its inputs' grads, last instruction first, as the
 * engine's backward does (`grad` must hold the seed at the loss and 0 in the other non-parameter
 * slots). Instructions whose inputs depend on no parameter are skipped.
 */
export function backward(p: Program, mem: Float64Array, grad: Float64Array): void {
  const { code, starts, needsGrad } = p;
  for (let n = starts.length - 1; n >= 0; n--) {
    if (needsGrad[n] === 0) continue;
    const pc = starts[n]!;
    switch (code[pc]) {
      // Local derivatives 1 and −1: 1·g is g and −1·g is −g exactly, and x + (−g) is x − g.
      case ADD: {
        const g = grad[code[pc + 1]!]!;
        const a = code[pc + 2]!;
        const b = code[pc + 3]!;
        grad[a] = grad[a]! + g;
        grad[b] = grad[b]! + g;
        break;
      }
      case SUB: {
        const g = grad[code[pc + 1]!]!;
        const a = code[pc + 2]!;
        const b = code[pc + 3]!;
        grad[a] = grad[a]! + g;
        grad[b] = grad[b]! - g;
        break;
      }
      case MUL: {
        const g = grad[code[pc + 1]!]!;
        const a = code[pc + 2]!;
        const b = code[pc + 3]!;
        const av = mem[a]!;
        const bv = mem[b]!;
        grad[a] = grad[a]! + bv * g;
        grad[b] = grad[b]! + av * g;
        break;
      }
      case NEG: {
        const a = code[pc + 2]!;
        grad[a] = grad[a]! - grad[code[pc + 1]!]!;
        break;
      }
      case OP: {
        const def = p.ops[code[pc + 1]!]!;
        const out = code[pc + 2]!;
        const a = code[pc + 3]!;
        const b = code[pc + 4]!;
        const k = p.nums[code[pc + 5]!]!;
        const g = grad[out]!;
        const av = mem[a]!;
        const bv = b < 0 ? 0 : mem[b]!;
        const o = mem[out]!;
        grad[a] = grad[a]! + def.local(0, av, bv, o, k) * g;
        if (b >= 0) grad[b] = grad[b]! + def.local(1, av, bv, o, k) * g;
        break;
      }
      case ACT:
        activateBack(code[pc + 1]!, code[pc + 2]!, code[pc + 3]!, code[pc + 4]!, mem, grad);
        break;
      case DENSE:
        denseBack(code[pc + 1]!, code[pc + 2]!, code[pc + 3]!, code[pc + 4]!, code[pc + 5]!, code[pc + 6]! === 1, mem, grad);
        break;
      case DENSEX:
        denseIndexedBack(code, pc + 6, code[pc + 1]!, code[pc + 2]!, code[pc + 3]!, code[pc + 4]!, code[pc + 5]! === 1, mem, grad);
        break;
    }
  }
}

/** pre+j ← b_j + w_j0·x0 + w_j1·x1 + ..., summed left to right as src/nn's Neuron does. */
function dense(nin: number, nout: number, w0: number, x: number, pre: number, mem: Float64Array): void {
  const stride = nin + 1;
  for (let j = 0, w = w0; j < nout; j++, w += stride) {
    let acc = mem[w + nin]!;
    for (let i = 0; i < nin; i++) acc += mem[w + i]! * mem[x + i]!;
    mem[pre + j] = acc;
  }
}

/**
 * The dense unit's backward: neurons and inputs from last to first, the order in which the
 * engine's reverse topological walk reaches a Neuron's multiplies.
 */
function denseBack(nin: number, nout: number, w0: number, x: number, pre: number, inGrad: boolean, mem: Float64Array, grad: Float64Array): void {
  const stride = nin + 1;
  for (let j = nout - 1; j >= 0; j--) {
    const w = w0 + j * stride;
    const g = grad[pre + j]!;
    grad[w + nin] = grad[w + nin]! + g;
    if (inGrad) {
      for (let i = nin - 1; i >= 0; i--) {
        grad[w + i] = grad[w + i]! + mem[x + i]! * g;
        grad[x + i] = grad[x + i]! + mem[w + i]! * g;
      }
    } else {
      for (let i = nin - 1; i >= 0; i--) grad[w + i] = grad[w + i]! + mem[x + i]! * g;
    }
  }
}

/** `dense` over scattered inputs: input i is slot code[xs + i]. */
function denseIndexed(code: Int32Array, xs: number, nin: number, nout: number, w0: number, pre: number, mem: Float64Array): void {
  const stride = nin + 1;
  for (let j = 0, w = w0; j < nout; j++, w += stride) {
    let acc = mem[w + nin]!;
    for (let i = 0; i < nin; i++) acc += mem[w + i]! * mem[code[xs + i]!]!;
    mem[pre + j] = acc;
  }
}

/** `denseBack` over scattered inputs; a slot wired to two ports gets both contributions in turn. */
function denseIndexedBack(code: Int32Array, xs: number, nin: number, nout: number, w0: number, pre: number, inGrad: boolean, mem: Float64Array, grad: Float64Array): void {
  const stride = nin + 1;
  for (let j = nout - 1; j >= 0; j--) {
    const w = w0 + j * stride;
    const g = grad[pre + j]!;
    grad[w + nin] = grad[w + nin]! + g;
    for (let i = nin - 1; i >= 0; i--) {
      const x = code[xs + i]!;
      grad[w + i] = grad[w + i]! + mem[x]! * g;
      if (inGrad) grad[x] = grad[x]! + mem[w + i]! * g;
    }
  }
}

function activate(act: number, n: number, pre: number, out: number, mem: Float64Array): void {
  switch (act) {
    case RELU:
      for (let j = 0; j < n; j++) mem[out + j] = RELU_OP.forward(mem[pre + j]!, 0, 0);
      break;
    case TANH:
      for (let j = 0; j < n; j++) mem[out + j] = TANH_OP.forward(mem[pre + j]!, 0, 0);
      break;
    case SIGMOID:
      for (let j = 0; j < n; j++) mem[out + j] = SIGMOID_OP.forward(mem[pre + j]!, 0, 0);
      break;
  }
}

function activateBack(act: number, n: number, pre: number, out: number, mem: Float64Array, grad: Float64Array): void {
  switch (act) {
    case RELU:
      for (let j = n - 1; j >= 0; j--) grad[pre + j] = grad[pre + j]! + RELU_OP.local(0, mem[pre + j]!, 0, mem[out + j]!, 0) * grad[out + j]!;
      break;
    case TANH:
      for (let j = n - 1; j >= 0; j--) grad[pre + j] = grad[pre + j]! + TANH_OP.local(0, mem[pre + j]!, 0, mem[out + j]!, 0) * grad[out + j]!;
      break;
    case SIGMOID:
      for (let j = n - 1; j >= 0; j--) grad[pre + j] = grad[pre + j]! + SIGMOID_OP.local(0, mem[pre + j]!, 0, mem[out + j]!, 0) * grad[out + j]!;
      break;
  }
}
