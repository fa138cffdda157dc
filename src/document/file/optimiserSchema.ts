import { z } from '../zod';
import { FIELDS_OF, whyBadOptimiserValue, type OptimiserField, type OptimiserSettings } from '../../nn/optimisers';
import { finite } from './fileFields';

const field = (name: OptimiserField) =>
  finite().superRefine((value, ctx) => {
    const why = whyBadOptimiserValue(name, value);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

/**
 * The Train panel's optimiser in a file: every field checked by the rule the panel's fields use
 * (β below 1, ε above 0, ...). Files from before optimisers have none and train with plain SGD.
 */
export const optimiserSchema: z.ZodType<OptimiserSettings> = z.object({
  kind: z.enum(Object.keys(FIELDS_OF) as [OptimiserSettings['kind'], ...OptimiserSettings['kind'][]]),
  momentum: field('momentum'),
  beta1: field('beta1'),
  beta2: field('beta2'),
  eps: field('eps'),
  weightDecay: field('weightDecay'),
});
