import { EMPTY_DOC } from '../../document/types';
import { DEFAULT_SETUP } from '../../training/setup';
import { countNeurons, shown } from '../graphFacts';
import { testAccuracy } from '../testAccuracy';
import type { LevelDef } from '../types';

/** The most neurons the network may have at all: half of micrograd's demo MLP(2, [16, 16, 1]). */
export const MOONS_MAX_NEURONS = 17;
/** The star for a smaller network. */
const STAR_NEURONS = 9;
/** Test accuracy to reach: 19 of the 20 held-out points. */
const TARGET = 0.95;

/** micrograd's demo task, with a cap on the network's size. */
export const moonsWithABudget: LevelDef = {
  id: 'moons-with-a-budget',
  chapter: 'networks',
  title: 'Moons with a budget',
  goal: `Draw an MLP of at most ${MOONS_MAX_NEURONS} neurons and train it on the moons: ≥ ${TARGET * 100} % test accuracy. A star for ${STAR_NEURONS} neurons or fewer.`,
  mode: 'train',
  start: () => ({ ...EMPTY_DOC, training: DEFAULT_SETUP }),
  palette: [],
  hidden: ['examples'],
  budget: STAR_NEURONS,
  budgetUnit: 'neurons',
  hints: ['Insert MLP with layers like 8, 8, 1 (17 neurons), then Train and watch the test accuracy.', 'tanh learns these curves in fewer neurons than relu: try 8, 1 or 4, 4, 1 with tanh, and let it train a little longer.'],
  predictions: [],
  checks: [
    { id: 'neurons', text: `At most ${MOONS_MAX_NEURONS} neurons`, test: ({ now }) => { const n = countNeurons(now.doc); return n > 0 && n <= MOONS_MAX_NEURONS; } },
    { id: 'accuracy', text: `Test accuracy ≥ ${TARGET * 100} %`, test: ({ now }) => testAccuracy(now.doc) >= TARGET },
  ],
  readouts: ({ now }) => [
    { id: 'neurons', label: 'Neurons', text: String(countNeurons(now.doc)) },
    { id: 'test-accuracy', label: 'Test accuracy', text: Number.isFinite(testAccuracy(now.doc)) ? `${shown(testAccuracy(now.doc) * 100, 1)} %` : '—' },
  ],
};
