/**
 * The micrograd engine: scalar Values with reverse-mode autodiff. Imports nothing of ours.
 */
export { Value, toValue, type Operand, type OpMethods } from './Value';
export { backward, leavesOf, propagate, recompute, topoSort, zeroGrad } from './graph';
export { gradcheck, type GradcheckOptions, type LeafCheck } from './gradcheck';
export { whyNotFinite, isOriginOfNonFinite } from './explain';
export { OPS, findOp, getOp, type AnyOp, type OpType } from './ops/registry';
export { type OpDef, type OpGroup, numberLiteral } from './ops/OpDef';
