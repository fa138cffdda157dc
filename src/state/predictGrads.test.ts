import { describe, expect, it } from 'vitest';
import { abPlusC } from '../document/presets/abPlusC';
import { createPlaygroundStore } from './store';
import { createPredictGrads, currentQuestion, graphKey } from './predictGrads';

/** Runs the animation's part: lands everything the pass has queued. */
function land(store: ReturnType<typeof createPlaygroundStore>): void {
  const run = store.getState().backwardRun;
  if (run) store.getState().deliverArrivals(run.target);
}

describe('predict the gradient in the sandbox', () => {
  it('asks each node in reverse topological order before it lands, scores it and shows the arithmetic', () => {
    const store = createPlaygroundStore();
    store.getState().loadDocument(abPlusC.build());
    const predict = createPredictGrads(store);
    const asked: string[] = [];
    const answers: Record<string, string> = { d: '1', e: '1', c: '1', a: '-3', b: '2' };
    for (;;) {
      const q = currentQuestion(store);
      if (!q || (asked.length > 0 && q.newPass)) break;
      asked.push(q.name);
      const id = Object.values(store.getState().doc.nodes).find((n) => 'label' in n && n.label === q.name)!.id;
      // Not landed before the guess: the node's grad is not on show yet.
      expect(store.getState().backwardRun?.schedule.arrivalsOf.get(id)?.every((i) => i >= (store.getState().backwardRun?.delivered ?? 0)) ?? true).toBe(true);
      // One wrong guess (a's grad is b = −3, not 2).
      predict.getState().guess(q.name === 'a' ? '2' : answers[q.name]!);
      land(store);
    }
    // micrograd's order for d = e + c, e = a·b: the output first, each node after all its users.
    expect(asked).toEqual(['d', 'c', 'e', 'b', 'a']);
    const score = predict.getState().scores[graphKey(store.getState().doc)];
    expect(score).toEqual({ exact: 4, close: 0, wrong: 1 });
    expect(store.getState().grads.passes).toBe(1);
    expect(predict.getState().feedback?.passDone).toBe(true);
  });

  it('shows the chain rule with the real numbers after a wrong guess', () => {
    const store = createPlaygroundStore();
    store.getState().loadDocument(abPlusC.build());
    const predict = createPredictGrads(store);
    predict.getState().guess('1'); // d
    land(store);
    predict.getState().guess('1'); // c
    land(store);
    predict.getState().guess('5'); // e, whose grad is 1
    land(store);
    predict.getState().guess('-3'); // b, whose grad is a = 2
    expect(predict.getState().feedback).toMatchObject({ name: 'b', verdict: 'wrong', answer: 2 });
    expect(predict.getState().feedback?.equation).toBe('dd/db = dd/de * de/db = 1.0 * 2.0 = 2.0');
    expect(predict.getState().feedback?.locals).toEqual(['de/db = a = 2.0']);
  });

  it('prints the chain rule with the formatter it is given (the editor passes its true minus sign)', () => {
    const store = createPlaygroundStore();
    store.getState().loadDocument(abPlusC.build());
    const trueMinus = (x: number) => x.toFixed(1).replace('-', '\u2212');
    const predict = createPredictGrads(store, trueMinus);
    for (const guess of ['1', '1', '1', '2']) {
      predict.getState().guess(guess); // d, c, e, b
      land(store);
    }
    predict.getState().guess('3'); // a, whose grad is b = −3
    expect(predict.getState().feedback).toMatchObject({ name: 'a', verdict: 'wrong', answer: -3 });
    expect(predict.getState().feedback?.equation).toBe('dd/da = dd/de * de/da = 1.0 * \u22123.0 = \u22123.0');
    expect(predict.getState().feedback?.equation).not.toContain('-');
  });

  it('keeps scores apart per graph, and starts each pass from zeroed grads', () => {
    const store = createPlaygroundStore();
    store.getState().loadDocument(abPlusC.build());
    store.getState().backward();
    expect(store.getState().grads.passes).toBe(1);
    const predict = createPredictGrads(store);
    expect(currentQuestion(store)?.newPass).toBe(true);
    predict.getState().guess('1');
    expect(store.getState().grads.passes).toBe(0);
    const firstKey = graphKey(store.getState().doc);
    store.getState().loadDocument(abPlusC.build());
    expect(graphKey(store.getState().doc)).not.toBe(firstKey);
    expect(predict.getState().scores[graphKey(store.getState().doc)]).toBeUndefined();
    expect(predict.getState().scores[firstKey]).toEqual({ exact: 1, close: 0, wrong: 0 });
  });
});
