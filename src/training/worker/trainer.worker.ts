/// <reference lib="webworker" />
import type { FromWorker, Report, ToWorker } from './protocol';
import { msUntilNextStep, rateDue, stepsDue } from './pace';
import { TrainingSession } from './TrainingSession';
import { UnitMapper } from './unitMaps';
import { optimiserSnapshot } from './optimiserSnapshot';

/**
 * The training worker: runs the compiled trainer in slices of about 12 ms, so it can hear the
 * page between slices (pause, a new learning rate), and reports progress at most 30 times a
 * second and the decision boundary about 12 times a second.
 */
const SLICE_MS = 12;
const PROGRESS_EVERY_MS = 33;
const BOUNDARY_EVERY_MS = 80;
/** The unit maps are small pictures: five a second reads as live and costs a fraction of the boundary. */
const UNIT_MAPS_EVERY_MS = 200;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let session: TrainingSession | null = null;
let running = false;
let lastProgress = 0;
let lastBoundary = 0;
let lastUnitMaps = 0;
/** Whether the page shows the hidden units' heatmaps; their mapper belongs to the loaded session. */
let unitMapsOn = false;
let unitMapper: UnitMapper | null = null;
let stepsSince = 0;
let rateSince = 0;
let stepsPerSecond = 0;
/** Which load this worker's reports belong to. */
let generation = 0;
/** The learner's speed limit (steps a second; null: full speed), and the steps taken since it was set. */
let pace: number | null = null;
let paceStart = 0;
let paceTaken = 0;
/** The parameters the optimiser panel shows; null: the 10 with the largest |grad|. */
let watched: number[] | null = null;

function post(message: Report, transfer: Transferable[] = []): void {
  scope.postMessage({ ...message, generation } as FromWorker, transfer);
}

function report(force: boolean, loaded = false): void {
  if (!session) return;
  const now = performance.now();
  if (rateDue(pace, now - rateSince, stepsSince, stepsPerSecond > 0)) {
    stepsPerSecond = (stepsSince * 1000) / (now - rateSince);
    stepsSince = 0;
    rateSince = now;
  }
  if (force || now - lastProgress >= PROGRESS_EVERY_MS) {
    lastProgress = now;
    const t = session.trainer;
    const params = Float64Array.from(t.params);
    post(
      { type: 'progress', step: t.steps, lr: t.lr, stepsPerSecond: running ? stepsPerSecond : 0, points: session.takePoints(), params, running, loaded, optimiser: optimiserSnapshot(t, watched) },
      [params.buffer],
    );
  }
  if (session.hasBoundary && (force || now - lastBoundary >= BOUNDARY_EVERY_MS)) {
    lastBoundary = now;
    const map = session.boundary();
    const scores = Float32Array.from(map.scores);
    const classes = map.classes ? Uint8Array.from(map.classes) : undefined;
    const boundary = { type: 'boundary', size: Math.sqrt(scores.length), xRange: session.xRange, yRange: session.yRange, scores } as const;
    if (classes) post({ ...boundary, classes }, [scores.buffer, classes.buffer]);
    else post(boundary, [scores.buffer]);
  }
  if (force || now - lastUnitMaps >= UNIT_MAPS_EVERY_MS) postUnitMaps(now);
}

/** Each hidden unit's heatmap from the weights as they are, when the page shows them. */
function postUnitMaps(now: number): void {
  if (!session || !unitMapsOn || !session.hasBoundary) return;
  lastUnitMaps = now;
  unitMapper ??= new UnitMapper(session.program, session.xRange, session.yRange);
  const values = unitMapper.compute(session.trainer.params);
  const { size, xRange, yRange, units } = unitMapper;
  post({ type: 'units', maps: { size, xRange, yRange, units, values } }, [values.buffer]);
}

function loop(): void {
  if (!running || !session) return;
  const due = stepsDue(pace, performance.now() - paceStart, paceTaken);
  if (due > 0) {
    const { steps, diverged } = session.run(SLICE_MS, due);
    stepsSince += steps;
    paceTaken += steps;
    if (diverged) {
      running = false;
      stopped();
      postDiverged(diverged);
      return;
    }
    report(false);
  }
  setTimeout(loop, msUntilNextStep(pace, performance.now() - paceStart, paceTaken));
}

/** A run stopped: the newest curve point is the loss of the weights as they now are, then reported. */
function stopped(): void {
  session?.recordNow();
  report(true);
}

/** Training stopped being numbers: the page rolls back to these (already rolled back) parameters. */
function postDiverged(reason: string): void {
  if (!session) return;
  const params = Float64Array.from(session.trainer.params);
  post({ type: 'diverged', step: session.trainer.steps, reason, params }, [params.buffer]);
}

/** Starts counting the pace afresh (on Play, or when the speed changes mid-run). */
function restartPace(): void {
  paceStart = performance.now();
  paceTaken = 0;
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
      unitMapper = null;
      post({ type: 'loaded', ok: true, paramCount: session.program.paramCount, featureCount: session.program.featureCount, boundary: session.hasBoundary });
      report(true, true);
      return;
    }
    case 'play':
      if (!session || running) return;
      running = true;
      rateSince = performance.now();
      stepsSince = 0;
      stepsPerSecond = 0;
      restartPace();
      loop();
      return;
    case 'pause':
      running = false;
      stopped();
      return;
    case 'step': {
      if (!session) return;
      running = false;
      const { diverged } = session.run(Infinity, Math.max(1, Math.floor(message.count ?? 1)));
      if (diverged) postDiverged(diverged);
      stopped();
      return;
    }
    case 'explain': {
      if (!session) return;
      running = false;
      const explained = session.explainStep();
      if (explained.ok) post({ type: 'explained', numbers: explained.numbers });
      else postDiverged(explained.reason);
      stopped();
      return;
    }
    case 'pace':
      pace = message.stepsPerSecond;
      restartPace();
      return;
    case 'set':
      session?.apply(message.settings);
      return;
    case 'unitMaps':
      unitMapsOn = message.on;
      postUnitMaps(performance.now());
      return;
    case 'watch':
      watched = message.indices;
      report(true);
      return;
  }
};
