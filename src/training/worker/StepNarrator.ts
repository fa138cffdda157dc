import { advanceNarration, phaseReached, PHASE_MS, startNarration, type Narration, type StepNumbers } from '../narration';
import type { FromWorker } from './protocol';

/**
 * Runs the slow-motion step's clock on the page. The worker has taken the step already (it is
 * cheap); what the learner sees waits for its phase: the weights and the step counter change at
 * "update", the decision boundary at "the boundary moves". Until then the worker's reports are
 * held here, and handed on when their phase comes, or at once when the narration is cancelled.
 */
export class StepNarrator {
  private current: Narration | null = null;
  private held: FromWorker[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Whether phases advance on their own; off, only Next moves on. */
  auto = true;

  constructor(
    private readonly show: (narration: Narration | null) => void,
    private readonly release: (message: FromWorker) => void,
  ) {}

  /** True while a step is being narrated. */
  get active(): boolean {
    return this.current !== null;
  }

  /** Begins at the first phase, "forward". */
  start(numbers: StepNumbers): void {
    this.current = startNarration(numbers);
    this.show(this.current);
    this.schedule();
  }

  /** Keeps a report back until its phase is on screen; false when it may go through now. */
  hold(message: FromWorker): boolean {
    const n = this.current;
    if (!n) return false;
    const phase = message.type === 'progress' ? 'update' : message.type === 'boundary' ? 'boundary' : null;
    if (phase === null || phaseReached(n, phase)) return false;
    this.held.push(message);
    return true;
  }

  /** The next phase now (the learner clicked Next), or the end after the last one. */
  next(): void {
    if (!this.current) return;
    this.current = advanceNarration(this.current);
    this.releaseDue();
    this.show(this.current);
    this.schedule();
  }

  /** Stops narrating: whatever was held shows at once, so the step is never half applied. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const wasActive = this.current !== null;
    this.current = null;
    this.releaseDue();
    if (wasActive) this.show(null);
  }

  /** Switches the phases' own clock on or off. */
  setAuto(auto: boolean): void {
    this.auto = auto;
    this.schedule();
  }

  private releaseDue(): void {
    const held = this.held;
    this.held = [];
    for (const message of held) if (!this.hold(message)) this.release(message);
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = this.current && this.auto ? setTimeout(() => this.next(), PHASE_MS) : null;
  }
}
