/**
 * Backward as something to check: the nudge, gradcheck, the sampled curve, why a grad is not
 * finite. (The schedule and the chain-rule text are imported from their own files.)
 */
export { nudgeLeaves, type NudgeDirection } from './nudge';
export { gradientCheck, type GradientCheckRow } from './gradientCheck';
export { sampleOutput } from './sampleOutput';
export { whyGradNotFinite } from './gradProblem';
