import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lecture } from '../../src/document/testDocs';
import { createPlaygroundStore } from '../../src/state/store';
import { neuronsDoc, undoSteps } from '../../src/state/testStores';
import { readParams } from '../../src/training/compiled/params';
import { compileNetwork } from '../../src/training/compiled/compile';
import { TrainingController } from '../../src/training/worker/TrainingController';
import type { FromWorker, ToWorker } from '../../src/training/worker/protocol';

/**
 * The training worker's client, run in Node against the real store with a stand-in Worker: what
 * it sends the worker, and what the worker's reports do to the store. It lives in test/ because
 * it spans training/ and state/ (a test in training/ may not import the store).
 */

class FakeWorker {
  static made: FakeWorker[] = [];
  sent: ToWorker[] = [];
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {}
  /** The worker reports. */
  report(message: FromWorker) {
    this.onmessage?.({ data: message });
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TrainingController', () => {
  it('loads the drawn network into the worker, then plays; the status says running', () => {
    const store = createPlaygroundStore(neuronsDoc());
    const controller = new TrainingController(store);
    controller.play();
    const [worker] = FakeWorker.made;
    expect(FakeWorker.made).toHaveLength(1);
    expect(worker!.sent.map((m) => m.type)).toEqual(['load', 'play']);
    expect(worker!.sent[0]).toMatchObject({ type: 'load', doc: store.getState().doc, generation: 1 });
    expect(store.getState().training.phase).toBe('running');
    expect(store.getState().training.paramIndex?.size).toBeGreaterThan(0);
    controller.destroy();
  });

  it('on pause, the worker’s last report writes its weights into the document as one undo step', () => {
    const store = createPlaygroundStore(neuronsDoc());
    const controller = new TrainingController(store);
    controller.play();
    const worker = FakeWorker.made[0]!;
    const compiled = compileNetwork(store.getState().doc);
    if (!compiled.ok) throw new Error(compiled.reason);
    const trained = readParams(compiled.program, store.getState().doc).map((p) => p + 0.5);

    // A report from an earlier load is dropped.
    worker.report({ type: 'progress', generation: 0, step: 9, lr: 0.1, stepsPerSecond: 0, points: [], params: trained, running: false });
    expect(store.getState().training.step).toBe(0);

    controller.pause();
    expect(worker.sent.at(-1)).toEqual({ type: 'pause' });
    const steps = undoSteps(store);
    const point = { step: 3, loss: 0.25, trainAccuracy: 1, testAccuracy: 1 };
    worker.report({ type: 'progress', generation: 1, step: 3, lr: 0.1, stepsPerSecond: 0, points: [point], params: trained, running: false });
    expect(store.getState().training).toMatchObject({ phase: 'paused', step: 3, history: [point] });
    expect(Array.from(readParams(compiled.program, store.getState().doc))).toEqual(Array.from(trained));
    expect(undoSteps(store)).toBe(steps + 1);
    controller.destroy();
  });

  it('refuses a drawing that cannot train, with the reason, and starts no worker', () => {
    const store = createPlaygroundStore(lecture());
    const controller = new TrainingController(store);
    controller.play();
    expect(FakeWorker.made).toHaveLength(0);
    expect(store.getState().training.phase).toBe('error');
    expect(store.getState().notice?.text).toMatch(/^Cannot train yet: /);
    controller.destroy();
  });
});
