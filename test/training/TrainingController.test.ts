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
    expect(worker!.sent.map((m) => m.type)).toEqual(['load', 'pace', 'play']);
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
    worker.report({ type: 'progress', generation: 0, step: 9, lr: 0.1, stepsPerSecond: 0, points: [], params: trained, running: false, loaded: false });
    expect(store.getState().training.step).toBe(0);

    controller.pause();
    expect(worker.sent.at(-1)).toEqual({ type: 'pause' });
    const steps = undoSteps(store);
    const point = { step: 3, loss: 0.25, trainAccuracy: 1, testAccuracy: 1 };
    worker.report({ type: 'progress', generation: 1, step: 3, lr: 0.1, stepsPerSecond: 0, points: [point], params: trained, running: false, loaded: false });
    expect(store.getState().training).toMatchObject({ phase: 'paused', step: 3, history: [point] });
    expect(Array.from(readParams(compiled.program, store.getState().doc))).toEqual(Array.from(trained));
    expect(undoSteps(store)).toBe(steps + 1);
    controller.destroy();
  });

  it('a Step right after loading still writes its weights back: the load’s own report is not the end of a run', () => {
    const store = createPlaygroundStore(neuronsDoc());
    const controller = new TrainingController(store);
    controller.step();
    const worker = FakeWorker.made[0]!;
    expect(worker.sent.map((m) => m.type)).toEqual(['load', 'pace', 'step']);
    const compiled = compileNetwork(store.getState().doc);
    if (!compiled.ok) throw new Error(compiled.reason);
    const drawn = readParams(compiled.program, store.getState().doc);
    const trained = drawn.map((p) => p + 0.5);
    worker.report({ type: 'progress', generation: 1, step: 0, lr: 0.1, stepsPerSecond: 0, points: [], params: drawn, running: false, loaded: true });
    worker.report({ type: 'progress', generation: 1, step: 1, lr: 0.1, stepsPerSecond: 0, points: [], params: trained, running: false, loaded: false });
    expect(Array.from(readParams(compiled.program, store.getState().doc))).toEqual(Array.from(trained));
    controller.destroy();
  });

  it('a slow-motion step holds the step back until its phase: the counter moves at “update”, Stop shows it at once', () => {
    vi.useFakeTimers();
    try {
      const store = createPlaygroundStore(neuronsDoc());
      const controller = new TrainingController(store);
      controller.slowStep();
      const worker = FakeWorker.made[0]!;
      expect(worker.sent.map((m) => m.type)).toEqual(['load', 'pace', 'explain']);
      const numbers = { step: 0, samples: 4, lossBefore: 2, gradNorm: 1, lr: 0.1, lossAfter: 1.5 };
      const params = readParams((compileNetwork(store.getState().doc) as { ok: true; program: Parameters<typeof readParams>[0] }).program, store.getState().doc);
      worker.report({ type: 'explained', generation: 1, numbers });
      worker.report({ type: 'progress', generation: 1, step: 1, lr: 0.1, stepsPerSecond: 0, points: [], params, running: false, loaded: false });
      const phases = () => store.getState().training.narration?.phase ?? null;
      expect(phases()).toBe('forward');
      expect(store.getState().training.step).toBe(0);
      vi.advanceTimersByTime(1800);
      expect(phases()).toBe('loss');
      controller.nextPhase();
      expect(phases()).toBe('backward');
      expect(store.getState().training.step).toBe(0);
      controller.nextPhase();
      expect(phases()).toBe('update');
      expect(store.getState().training.step).toBe(1);
      controller.nextPhase();
      controller.nextPhase();
      expect(phases()).toBeNull();

      controller.slowStep();
      worker.report({ type: 'explained', generation: 1, numbers: { ...numbers, step: 1 } });
      worker.report({ type: 'progress', generation: 1, step: 2, lr: 0.1, stepsPerSecond: 0, points: [], params, running: false, loaded: false });
      expect(store.getState().training.step).toBe(1);
      controller.cancelSlowStep();
      expect(phases()).toBeNull();
      expect(store.getState().training.step).toBe(2);
      controller.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the speed limit to the worker, and again after every load', () => {
    const store = createPlaygroundStore(neuronsDoc());
    const controller = new TrainingController(store);
    controller.play();
    controller.setStepsPerSecondLimit(1);
    const worker = FakeWorker.made[0]!;
    expect(worker.sent.at(-1)).toEqual({ type: 'pace', stepsPerSecond: 1 });
    controller.reset();
    expect(worker.sent.slice(-2)).toEqual([expect.objectContaining({ type: 'load' }), { type: 'pace', stepsPerSecond: 1 }]);
    expect(controller.stepsPerSecondLimit).toBe(1);
    controller.destroy();
  });

  it('asks for unit maps only while they show, again after a load, and drops them when hidden', () => {
    const store = createPlaygroundStore(neuronsDoc());
    const controller = new TrainingController(store);
    // Switched on before any worker exists: the flag waits for the first load.
    controller.setUnitMapsShown(true);
    controller.play();
    const worker = FakeWorker.made[0]!;
    expect(worker.sent.map((m) => m.type)).toEqual(['load', 'pace', 'unitMaps', 'play']);
    const maps = { size: 1, xRange: [0, 1] as [number, number], yRange: [0, 1] as [number, number], units: [{ nodeId: 'n', unit: 0 }], values: Float32Array.from([0.5]) };
    worker.report({ type: 'units', generation: 1, maps });
    expect(store.getState().training.unitMaps).toBe(maps);
    controller.setUnitMapsShown(false);
    expect(worker.sent.at(-1)).toEqual({ type: 'unitMaps', on: false });
    expect(store.getState().training.unitMaps).toBeNull();
    // A report already in flight when they were hidden does not bring them back.
    worker.report({ type: 'units', generation: 1, maps });
    expect(store.getState().training.unitMaps).toBeNull();
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
