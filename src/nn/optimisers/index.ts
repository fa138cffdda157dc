/** Optimisers beyond micrograd's plain SGD: settings, their checks, and the per-parameter state. */
export { DEFAULT_OPTIMISER, FIELDS_OF, OPTIMISER_KINDS, whyBadOptimiserValue, type OptimiserField, type OptimiserKind, type OptimiserSettings } from './settings';
export { OptimiserState } from './state';
