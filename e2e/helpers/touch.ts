import type { CDPSession, Page } from '@playwright/test';
import { viewportTransform, type Point } from './canvas';

/**
 * Fingers on the screen, through Chromium's own touch input (CDP Input.dispatchTouchEvent):
 * the page sees touchstart/move/end and pointer events of type 'touch', as from a tablet.
 * Playwright's page.touchscreen only taps; a drag and a pinch need the moves in between.
 */
export class Fingers {
  /** The event clock, in seconds: each move is a 60 Hz frame after the last, whatever the test's pace. */
  private clock = Date.now() / 1000;

  private constructor(private readonly cdp: CDPSession) {}

  static async on(page: Page): Promise<Fingers> {
    return new Fingers(await page.context().newCDPSession(page));
  }

  private send(type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[], after = 1 / 60) {
    this.clock = Math.max(this.clock + after, Date.now() / 1000);
    return this.cdp.send('Input.dispatchTouchEvent', {
      type,
      timestamp: this.clock,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id, radiusX: 6, radiusY: 6, force: 1 })),
    });
  }

  /** A tap: down and up where it went down. */
  async tap(at: Point): Promise<void> {
    await this.send('touchStart', [at]);
    await this.send('touchEnd', []);
  }

  /**
   * One finger pressed at `from`, slid to `to` in `steps` moves, held there a moment and lifted,
   * as a hand puts a thing down. No wait for a long press. Lifted still moving (`flick`), the
   * browser flings: a list glides on, and the next tap only stops the glide, with no click.
   */
  async drag(from: Point, to: Point, steps = 12, flick = false): Promise<void> {
    await this.send('touchStart', [from]);
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      await this.send('touchMove', [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }]);
    }
    if (!flick) for (let i = 0; i < 3; i++) await this.send('touchMove', [to], 0.05);
    await this.send('touchEnd', []);
  }

  /** Two fingers either side of `centre`, `from` px apart, spread (or pinched) to `to` px apart. */
  async pinch(centre: Point, from: number, to: number, steps = 12): Promise<void> {
    const pair = (gap: number): Point[] => [
      { x: centre.x - gap / 2, y: centre.y },
      { x: centre.x + gap / 2, y: centre.y },
    ];
    await this.send('touchStart', pair(from));
    for (let i = 1; i <= steps; i++) await this.send('touchMove', pair(from + ((to - from) * i) / steps));
    await this.send('touchEnd', []);
  }
}

/** The canvas's pan and zoom, read from React Flow's viewport transform. */
export async function viewOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const m = /translate\(([-\d.e+]+)px, ([-\d.e+]+)px\) scale\(([\d.e+-]+)\)/.exec(await viewportTransform(page));
  if (!m) throw new Error('no viewport transform');
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}
