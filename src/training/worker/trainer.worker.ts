/// <reference lib="webworker" />
import type { FromWorker, Report, ToWorker } from './protocol';
import { TrainingSession } from './TrainingSession';

/**
 * The training worker: runs the compiled trainer in slices of about 12 ms, so it can hear the
 * page between slices (pause, a new learning rate), and reports progress at most 30 times a
 * second and the decision boundary about 12 times a second.
 */
const SLICE_MS = 12;
const PROGRESS_EVERY_MS = 33;
const BOUNDARY_EVERY_MS = 80;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let session: TrainingSession | null = null;
let running = false;
let lastProgress = 0;
let lastBoundary = 0;
let stepsSince = 0;
let rateSince = 0;
let stepsPerSecond = 0;
/** Which load this worker's reports belong to. */
let generation = 0;

function post(message: Report, transfer: Transferable[] = []): void {
  scope.postMessage({ ...message, generation } as FromWorker, transfer);
}

function report(force: boolean): void {
  if (!session) return;
  const now = performance.now();
  if (now - rateSince >= 500) {
    stepsPerSecond = (stepsSince * 1000) / (now - rateSince);
    stepsSince = 0;
    rateSince = now;
  }
  if (force || now - lastProgress >= PROGRESS_EVERY_MS) {
    lastProgress = now;
    const t = session.trainer;
    const params = Float64Array.from(t.params);
    post(
      { type: 'progress', step: t.steps, lr: t.lr, stepsPerSecond: running ? stepsPerSecond : 0, points: session.takePoints(), params, running },
      [params.buffer],
    );
  }
  if (session.hasBoundary && (force || now - lastBoundary >= BOUNDARY_EVERY_MS)) {
    lastBoundary = now;
    const scores = Float32Array.from(session.boundary());
    post({ type: 'boundary', size: Math.sqrt(scores.length), xRange: session.xRange, yRange: session.yRange, scores }, [scores.buffer]);
  }
}

function loop(): void {
  if (!running || !session) return;
  const { steps, diverged } = session.run(SLICE_MS);
  stepsSince += steps;
  if (diverged) {
    running = false;
    const params = Float64Array.from(session.trainer.params);
    report(true);
    post({ type: 'diverged', step: session.trainer.steps, reason: diverged, params }, [params.buffer]);
    return;
  }
  report(false);
  setTimeout(loop, 0);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'load': {
      running = false;
      generation = message.generation;
      const created = TrainingSession.create(message.doc, message.setup);
      if (!created.ok) {
        session = null;
        post({ type: 'loaded', ok: false, reason: created.reason });
        return;
      }
      session = created.session;
      post({ type: 'loaded', ok: true, paramCount: session.program.paramCount, featureCount: session.program.featureCount, boundary: session.hasBoundary });
      report(true);
      return;
    }
    case 'play':
      if (!session || running) return;
      running = true;
      rateSince = performance.now();
      stepsSince = 0;
      loop();
      return;
    case 'pause':
      running = false;
      report(true);
      return;
    case 'step': {
      if (!session) return;
      running = false;
      const { diverged } = session.run(Infinity, Math.max(1, Math.floor(message.count ?? 1)));
      if (diverged) {
        const params = Float64Array.from(session.trainer.params);
        post({ type: 'diverged', step: session.trainer.steps, reason: diverged, params }, [params.buffer]);
      }
      report(true);
      return;
    }
    case 'set':
      session?.apply(message.settings);
      return;
  }
};
