import { tinyMlp } from '../../document/presets/tinyMlp';
import type { GraphDoc } from '../../document/types';
import { shown } from '../graphFacts';
import { lossesOfLoop, ZERO_GRAD_PLACES, type ZeroGradPlace } from '../trainingLoop';
import type { LevelContext, LevelDef } from '../types';

/** Twenty steps, as the lecture's `for k in range(20)`. */
const STEPS = 20;
/**
 * Twenty times the lecture's 0.01, so twenty steps can reach the target. At this rate the
 * missing zero_grad is not a lucky speed-up (as it is at 0.01 on four samples) but a blow-up.
 */
const LR = 0.2;
/** The loss the last of the twenty steps must measure less than. */
const TARGET = 0.01;

function placeOf(ctx: LevelContext): ZeroGradPlace {
  const picked = ctx.choices['zero-grad'];
  return ZERO_GRAD_PLACES.find((p) => p === picked) ?? 'none';
}

// The loop runs for the check and for the readout on every change: remember the last run.
let last: { doc: GraphDoc; place: ZeroGradPlace; losses: number[] } | null = null;
function losses(ctx: LevelContext): number[] {
  const place = placeOf(ctx);
  if (last?.doc !== ctx.now.doc || last.place !== place) last = { doc: ctx.now.doc, place, losses: lossesOfLoop(ctx.now.doc, place, LR, STEPS) };
  return last.losses;
}

const WHY: Readonly<Record<ZeroGradPlace, string | null>> = {
  none: 'Without zero_grad every backward adds this step’s gradient onto all the old ones (grad +=), so the steps keep growing and the loss jumps about, then sticks near 8: every prediction saturated on the wrong side.',
  '2': 'zero_grad between backward and the update wipes the gradient just before it is used: every update moves nothing, and the loss never leaves where it started.',
  '0': null,
  '1': null,
  '3': null,
};

/** Lecture: the training loop's subtle bug, grads never flushed between steps. */
export const forgotZeroGrad: LevelDef = {
  id: 'forgot-zero-grad',
  chapter: 'networks',
  title: 'Forgot to zero grad',
  goal: `This loop trains MLP(3, [4, 4, 1]) on the four samples at lr ${LR}, but zero_grad is missing. Put it in the right place: loss below ${TARGET} within ${STEPS} steps.`,
  mode: 'build',
  start: () => tinyMlp.build(),
  palette: [],
  hidden: ['mode-train', 'examples'],
  budget: null,
  hints: ['The engine’s backward adds into every grad (+=): something must set them back to 0 once per step.', 'The gradient has to be fresh when backward runs and still there when the update reads it.'],
  predictions: [],
  choices: [
    {
      id: 'zero-grad',
      prompt: `for k in range(${STEPS}):`,
      style: 'slots',
      sequence: ['ypred = [m(x) for x in xs]; loss = sum((yout − ygt)**2)', 'loss.backward()', `for p in m.parameters(): p.data += −${LR} * p.grad`],
      piece: 'for p in m.parameters(): p.grad = 0.0',
    },
  ],
  checks: [
    {
      id: 'loss-below',
      text: `Loss at step ${STEPS} < ${TARGET}`,
      test: (ctx) => losses(ctx).length === STEPS && losses(ctx).at(-1)! < TARGET,
      explain: (ctx) => (ctx.choices['zero-grad'] === undefined ? null : WHY[placeOf(ctx)]),
    },
  ],
  readouts: (ctx) => {
    const run = losses(ctx);
    return [{ id: 'loss', label: `Loss, step 1 to ${STEPS}`, text: `${shown(run[0]!, 3)} → ${shown(run.at(-1)!, 4)}`, series: run }];
  },
};
