/** Backward as something to watch and to check: the schedule, its chain-rule text, the nudge, gradcheck. */
export { backwardSchedule, gradAfter, type Arrival, type BackwardSchedule, type BackwardStep } from './schedule';
export { chainNumber, chainRuleText, nodeName, type ChainRuleText } from './chainRule';
export { nudgeLeaves, type NudgeDirection } from './nudge';
export { gradientCheck, type GradientCheckRow } from './gradientCheck';
export { sampleOutput, type FunctionSamples } from './sampleOutput';
export { whyGradNotFinite } from './gradProblem';
