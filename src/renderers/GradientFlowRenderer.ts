import { Container, Graphics, Text, type Application } from 'pixi.js';
import type { Arrival } from '../document/backward/schedule';
import { evaluationOf } from '../state/derived';
import type { PlaygroundStore } from '../state/store';
import { bezierAt, wireControlPoints, type FlowGeometry, type Point } from './flowGeometry';
import { PixiLayer } from './PixiLayer';
import { readThemeColors, type ThemeColors } from './themeColors';

/** The `data-testid` of the overlay's canvas, for end-to-end tests. */
export const OVERLAY_CANVAS_TEST_ID = 'overlay-canvas';

/** Milliseconds a contribution takes to travel one wire at speed 1. */
const PULSE_MS = 650;
/** The output's seed (dL/dL = 1) only flashes. */
const SEED_MS = 350;
/** How long a node glows after its gradient arrives. */
const GLOW_MS = 1400;
/**
 * A pass with hundreds of contributions would take minutes at one per 650 ms; past a couple
 * of dozen, pulses speed up so a whole pass takes about this long at speed 1.
 */
const LONG_PASS_MS = 12_000;

interface Glow {
  node: string;
  color: number;
  /** 0..1 from the gradient's magnitude: bigger gradients glow wider. */
  strength: number;
  age: number;
}

/** log-scaled magnitude in [0, 1]: 0 for 0, about 0.5 for 1, near 1 for 1000. */
function strengthOf(x: number): number {
  if (!Number.isFinite(x)) return 1;
  return Math.min(1, Math.log10(1 + Math.abs(x)) / 3 + (x === 0 ? 0 : 0.25));
}

/**
 * The gradient-flow overlay: while a backward pass is watched, each contribution travels as a
 * pulse from the node that uses a value back along the wire to that value, which lights up in
 * the colour of its new gradient's sign, wider for bigger gradients. A node used twice receives
 * two pulses and its grad visibly adds up. The output always carries a soft halo: backward
 * starts there.
 *
 * It reads the store (getState/subscribe, never React) and the canvas geometry every frame, so
 * it stays aligned while the person pans and zooms, during the animation too.
 */
export class GradientFlowRenderer extends PixiLayer {
  private world = new Container();
  private wires = new Graphics();
  private halos = new Graphics();
  private pulses = new Graphics();
  private label = new Text({ text: '', style: { fontFamily: 'monospace', fontSize: 13, fontWeight: '600', fill: 0xffffff } });
  private colors: ThemeColors | null = null;
  private container: HTMLElement | null = null;
  private glows: Glow[] = [];
  /** Progress 0..1 of the arrival in flight, and which one it is. */
  private progress = 0;
  private inFlight: { schedule: unknown; index: number } | null = null;
  private reducedMotion = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly geometry: FlowGeometry,
  ) {
    super(OVERLAY_CANVAS_TEST_ID);
  }

  /** Runs while a contribution is in flight or a glow is fading. */
  protected override isAnimating(): boolean {
    const run = this.store.getState().backwardRun;
    return this.glows.length > 0 || (!!run && run.delivered < run.target);
  }

  protected setup(app: Application, container: HTMLElement): void {
    this.container = container;
    this.colors = readThemeColors(container);
    this.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.label.resolution = Math.max(2, window.devicePixelRatio || 1);
    this.label.visible = false;
    this.world.addChild(this.halos, this.wires, this.pulses, this.label);
    app.stage.addChild(this.world);
    // A new pass, a step, a new output: draw (and keep drawing while it animates).
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.backwardRun !== prev.backwardRun || s.doc !== prev.doc) this.requestFrame();
    });
  }

  protected override onThemeChange(container: HTMLElement): void {
    this.colors = readThemeColors(container);
  }

  protected override teardown(): void {
    this.unsubscribe?.();
  }

  protected frame(deltaMs: number): void {
    const colors = this.colors;
    if (!colors) return;
    const { x, y, zoom } = this.geometry.viewport();
    this.world.position.set(x, y);
    this.world.scale.set(zoom);
    this.halos.clear();
    this.wires.clear();
    this.pulses.clear();
    this.label.visible = false;

    const state = this.store.getState();
    this.drawOutputHalo(state.backwardRun?.schedule.output ?? null, colors, zoom);
    this.advance(deltaMs, colors, zoom);
    this.drawGlows(deltaMs, zoom);
  }

  /** A soft ring around the node backward starts from. */
  private drawOutputHalo(fromRun: string | null, colors: ThemeColors, zoom: number): void {
    const state = this.store.getState();
    const output = fromRun ?? evaluationOf(state.doc).output;
    if (!output) return;
    const r = this.geometry.nodeRect(output);
    if (!r) return;
    const pad = 5 / zoom;
    this.halos
      .roundRect(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad, 16)
      .stroke({ width: 3 / zoom, color: colors.accent, alpha: 0.35 });
  }

  /** Moves the contribution in flight along its wire; lands it when it arrives. */
  private advance(deltaMs: number, colors: ThemeColors, zoom: number): void {
    const state = this.store.getState();
    const run = state.backwardRun;
    if (!run || run.delivered >= run.target) {
      this.inFlight = null;
      return;
    }
    const arrival = run.schedule.arrivals[run.delivered];
    if (!arrival) return;
    if (!this.inFlight || this.inFlight.schedule !== run.schedule || this.inFlight.index !== run.delivered) {
      this.inFlight = { schedule: run.schedule, index: run.delivered };
      this.progress = 0;
    }
    if (!run.paused) {
      const perArrival = Math.min(PULSE_MS, Math.max(40, LONG_PASS_MS / run.schedule.arrivals.length));
      const duration = arrival.from === null ? Math.min(SEED_MS, perArrival) : perArrival;
      this.progress = this.reducedMotion ? 1 : this.progress + (deltaMs * state.backwardSpeed) / duration;
    }
    if (this.progress >= 1) {
      this.glows.push({ node: arrival.node, color: signColor(arrival.after, colors), strength: strengthOf(arrival.after), age: 0 });
      this.inFlight = null;
      state.deliverArrival();
      return;
    }
    this.drawPulse(arrival, Math.min(1, this.progress), colors, zoom);
  }

  /** The wire lit up behind the pulse, the pulse itself, and the amount it carries. */
  private drawPulse(arrival: Arrival, t: number, colors: ThemeColors, zoom: number): void {
    const color = signColor(arrival.amount, colors);
    if (arrival.from === null || arrival.port === null) {
      // The seed: the output's own gradient appears, dL/dL = 1.
      const r = this.geometry.nodeRect(arrival.node);
      if (!r) return;
      const grow = (1 - t) * 14;
      this.pulses.roundRect(r.x - grow, r.y - grow, r.width + 2 * grow, r.height + 2 * grow, 16).stroke({ width: 3 / zoom, color, alpha: t });
      return;
    }
    const source = this.geometry.handle(arrival.node, 'source', 'out');
    const target = this.geometry.handle(arrival.from, 'target', arrival.port);
    if (!source || !target) return;
    const curve = wireControlPoints(source, target);
    // Gradient flows backwards: from the user's input port (t = 0) to the value's output (t = 1).
    const along = (s: number): Point => bezierAt(curve, 1 - s);
    const steps = 24;
    const start = along(0);
    this.wires.moveTo(start.x, start.y);
    for (let i = 1; i <= steps; i++) {
      const p = along((i / steps) * t);
      this.wires.lineTo(p.x, p.y);
    }
    this.wires.stroke({ width: 4 / zoom, color, alpha: 0.55 });
    const head = along(t);
    const px = 1 / zoom;
    for (let k = 5; k >= 1; k--) {
      const p = along(Math.max(0, t - k * 0.025));
      this.pulses.circle(p.x, p.y, (3 + k) * px).fill({ color, alpha: 0.06 * (6 - k) });
    }
    this.pulses.circle(head.x, head.y, 10 * px).fill({ color, alpha: 0.25 });
    this.pulses.circle(head.x, head.y, 5.5 * px).fill({ color: 0xffffff, alpha: 0.95 });
    this.pulses.circle(head.x, head.y, 4 * px).fill({ color, alpha: 1 });
    this.label.text = `${arrival.amount >= 0 ? '+' : '−'}${formatAmount(Math.abs(arrival.amount))}`;
    this.label.style.fill = color;
    this.label.scale.set(px);
    this.label.position.set(head.x + 9 * px, head.y - 22 * px);
    this.label.visible = true;
  }

  /** Fading rings around nodes whose gradient just arrived. */
  private drawGlows(deltaMs: number, zoom: number): void {
    const px = 1 / zoom;
    this.glows = this.glows.filter((g) => (g.age += deltaMs) < GLOW_MS);
    for (const g of this.glows) {
      const r = this.geometry.nodeRect(g.node);
      if (!r) continue;
      const life = 1 - g.age / GLOW_MS;
      const spread = (4 + 14 * g.strength) * (0.6 + 0.4 * (1 - life));
      for (let i = 0; i < 3; i++) {
        // Spread is in screen pixels, so glows look the same at every zoom.
        const pad = ((spread * (i + 1)) / 3) * px;
        this.halos
          .roundRect(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad, 14 + pad)
          .stroke({ width: (2 + 3 * g.strength) * px, color: g.color, alpha: life * (0.55 - i * 0.15) });
      }
    }
  }
}

function signColor(x: number, colors: ThemeColors): number {
  return x > 0 ? colors.pos : x < 0 ? colors.neg : colors.zero;
}

function formatAmount(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (x < 1e-3 || x >= 1e5)) return x.toExponential(2);
  return String(Number(x.toFixed(4)));
}

