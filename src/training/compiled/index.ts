/**
 * The fast training path: the drawn network compiled to a flat program over typed arrays
 * (compile.ts), run by CompiledTrainer, and held to the Value engine's numbers by ValueTrainer.
 */
export { compileNetwork } from './compile';
export type { Program } from './program';
export type { Model, ParamRef } from './model';
export { readParams, writeParams } from './params';
export { CompiledTrainer, type StepResult, type TrainerOptions } from './Trainer';
export { ValueTrainer, type ValueStep } from './valueTrainer';
export { scheduledRate, type Schedule } from './schedule';
export { drawMlp, type DrawMlpOptions } from './drawMlp';
