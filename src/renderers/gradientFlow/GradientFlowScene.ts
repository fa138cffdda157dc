import { Container, Graphics, Text, type Application } from 'pixi.js';
import { bezierAt, wireControlPoints, type Point } from '../flowGeometry';
import { CanvasScene } from '../offscreen/CanvasScene';
import type { CanvasSize } from '../offscreen/sceneProtocol';
import type { ThemeColors } from '../themeColors';
import { GeometrySnapshot } from './geometrySnapshot';
import type { FromScene, PulseArrival, ToScene } from './protocol';
import { PulseClock } from './pulseClock';

/** How long a node glows after its gradient arrives. */
const GLOW_MS = 1400;

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
 * The gradient-flow picture: while a backward pass is watched, each contribution travels as a
 * pulse from the node that uses a value back along the wire to that value, which lights up in
 * the colour of its new gradient's sign, wider for bigger gradients. A node used twice receives
 * two pulses and glows twice as its grad adds up. The output always wears a soft halo:
 * backward starts there.
 *
 * It runs where its canvas lives (a worker, usually; see CanvasScene), learns everything by
 * messages and reports landings with `post`: the animation's clock is here, the store's grads
 * follow it.
 */
export class GradientFlowScene extends CanvasScene<ToScene, FromScene> {
  private readonly geometry = new GeometrySnapshot();
  private readonly clock = new PulseClock();
  private readonly world = new Container();
  private readonly wires = new Graphics();
  private readonly halos = new Graphics();
  private readonly pulses = new Graphics();
  private readonly label = new Text({ text: '', style: { fontFamily: 'monospace', fontSize: 13, fontWeight: '600', fill: 0xffffff } });
  private output: string | null = null;
  private glows: Glow[] = [];

  protected receive(message: ToScene): void {
    switch (message.type) {
      case 'viewport':
        this.geometry.setViewport(message.viewport);
        break;
      case 'geometry':
        this.geometry.setBoxes(message.boxes);
        break;
      case 'output':
        this.output = message.node;
        break;
      case 'schedule':
        this.clock.setSchedule(message.id, message.arrivals);
        break;
      case 'run':
        this.clock.setRun(message.run);
        break;
    }
  }

  protected setup(app: Application, size: CanvasSize): void {
    this.label.resolution = Math.max(2, size.resolution);
    this.label.visible = false;
    this.world.addChild(this.halos, this.wires, this.pulses, this.label);
    app.stage.addChild(this.world);
  }

  /** Runs while a contribution is in flight or a glow is fading. */
  protected override isAnimating(): boolean {
    return this.clock.moving || this.glows.length > 0;
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

    const epoch = this.clock.epoch;
    const landed = this.clock.advance(deltaMs, this.reducedMotion);
    for (const index of landed) {
      const arrival = this.clock.arrival(index)!;
      this.glows.push({ node: arrival.node, color: signColor(arrival.after, colors), strength: strengthOf(arrival.after), age: 0 });
    }
    if (landed.length > 0) this.post({ type: 'landed', epoch, delivered: this.clock.delivered });

    this.drawOutputHalo(colors, zoom);
    const flight = this.clock.inFlight();
    if (flight) this.drawPulse(flight.arrival, flight.t, colors, zoom);
    this.drawGlows(deltaMs, zoom);
  }

  /** A soft ring around the node backward starts from. */
  private drawOutputHalo(colors: ThemeColors, zoom: number): void {
    const r = this.output ? this.geometry.nodeRect(this.output) : null;
    if (!r) return;
    const pad = 5 / zoom;
    this.halos
      .roundRect(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad, 16)
      .stroke({ width: 3 / zoom, color: colors.accent, alpha: 0.35 });
  }

  /** The wire lit up behind the pulse, the pulse itself, and the amount it carries. */
  private drawPulse(arrival: PulseArrival, t: number, colors: ThemeColors, zoom: number): void {
    const color = signColor(arrival.amount, colors);
    if (arrival.from === null || arrival.port === null) {
      // The seed: the output's own gradient appears, dL/dL = 1.
      const r = this.geometry.nodeRect(arrival.node);
      if (!r) return;
      const grow = (1 - t) * 14;
      this.pulses.roundRect(r.x - grow, r.y - grow, r.width + 2 * grow, r.height + 2 * grow, 16).stroke({ width: 3 / zoom, color, alpha: t });
      return;
    }
    const source = this.geometry.handle(arrival.node, 'source', arrival.out);
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
      // With reduced motion the ring only fades; otherwise it also spreads outward.
      const spread = (4 + 14 * g.strength) * (this.reducedMotion ? 1 : 0.6 + 0.4 * (1 - life));
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
