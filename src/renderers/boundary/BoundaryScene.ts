import { BufferImageSource, Container, Graphics, Sprite, Text, Texture, type Application } from 'pixi.js';
import { CanvasScene } from '../offscreen/CanvasScene';
import { axisTicks, createPlotMapping, fillHeatmap, plotRect, type PlotMapping } from '../plotMapping';
import type { ThemeColors } from '../themeColors';
import { classColour, fillClassMap } from './classMap';
import type { Boundary, PlotPoints, ToPlot } from './protocol';

/** Radius of a data point, in CSS pixels. */
const POINT_R = 4;
/** Added points are a little bigger and ringed in the accent, so a click is easy to find again. */
const ADDED_R = 5;
/** Tick labels closer than this to a corner would collide with the other axis's. */
const LABEL_CLEARANCE = 14;

/**
 * The data plot of the Train panel: the decision boundary as a heatmap (blue where the model
 * says +1, orange where it says −1, stronger where it is surer; for k classes the argmax
 * class's colour, stronger where its probability is higher), the points on top (training
 * points filled, test points as rings, points the person added ringed in gold), a faint grid
 * with the zero axes, and a border.
 *
 * It draws only when something drawn changed: a new boundary from the training worker (about
 * 10 a second while training), new points, a new canvas size or a theme switch; in between
 * the ticker sleeps. It runs in a worker of its own (see CanvasScene and BoundaryPlot).
 */
export class BoundaryScene extends CanvasScene<ToPlot, never> {
  private readonly heatmap = new Sprite();
  private readonly grid = new Graphics();
  private readonly points = new Graphics();
  private readonly labelLayer = new Container();
  private readonly labels: Text[] = [];
  private boundary: Boundary | null = null;
  private plot: PlotPoints | null = null;

  /** The heatmap's pixels on the CPU and their texture; replaced only when the grid size changes. */
  private pixels: Uint8Array | null = null;
  private source: BufferImageSource | null = null;
  private texture: Texture | null = null;
  private textureSize = 0;

  /** What the canvas shows now, to tell whether the next frame must draw. */
  private drawnBoundary: Boundary | null | undefined = undefined;
  private drawnPlot: PlotPoints | null = null;
  private drawnWidth = -1;
  private drawnHeight = -1;
  private themeChanged = false;

  protected receive(message: ToPlot): void {
    if (message.type === 'boundary') this.boundary = message.boundary;
    else this.plot = message.plot;
  }

  protected setup(app: Application): void {
    this.heatmap.visible = false;
    app.stage.addChild(this.heatmap, this.grid, this.labelLayer, this.points);
  }

  protected override onColors(): void {
    this.themeChanged = true;
  }

  protected frame(): void {
    const app = this.app;
    const colors = this.colors;
    const plot = this.plot;
    if (!app || !colors || !plot) return;
    const boundary = this.boundary;
    const width = app.screen.width;
    const height = app.screen.height;
    const resized = width !== this.drawnWidth || height !== this.drawnHeight;
    const theme = this.themeChanged;
    if (!resized && !theme && boundary === this.drawnBoundary && plot === this.drawnPlot) return;

    const [xRange, yRange] = plot.ranges;
    const mapping = createPlotMapping(xRange, yRange, plotRect(width, height));
    if (boundary !== this.drawnBoundary || theme) this.paintHeatmap(boundary, colors);
    this.placeHeatmap(boundary, mapping);
    if (plot !== this.drawnPlot || resized || theme) {
      this.drawGrid(mapping, colors);
      this.drawPoints(plot, mapping, colors);
    }
    this.drawnBoundary = boundary;
    this.drawnPlot = plot;
    this.drawnWidth = width;
    this.drawnHeight = height;
    this.themeChanged = false;
  }

  protected override teardown(): void {
    this.heatmap.texture = Texture.EMPTY;
    this.texture?.destroy(true);
    this.texture = null;
    this.source = null;
    this.pixels = null;
  }

  /** Fills the heatmap texture from the scores and uploads it; hides it when there is no boundary. */
  private paintHeatmap(boundary: Boundary | null, colors: ThemeColors): void {
    if (!boundary || boundary.size <= 0 || boundary.scores.length < boundary.size * boundary.size) {
      this.heatmap.visible = false;
      return;
    }
    const size = boundary.size;
    if (!this.source || !this.pixels || this.textureSize !== size) {
      this.heatmap.texture = Texture.EMPTY;
      this.texture?.destroy(true);
      this.pixels = new Uint8Array(size * size * 4);
      this.source = new BufferImageSource({
        resource: this.pixels,
        width: size,
        height: size,
        format: 'rgba8unorm',
        // fillHeatmap writes premultiplied bytes, so the upload must not multiply again.
        alphaMode: 'premultiplied-alpha',
        // Smooth: the grid is coarse (100 × 100), stretched over a few hundred pixels.
        scaleMode: 'linear',
      });
      this.texture = new Texture({ source: this.source });
      this.textureSize = size;
      this.heatmap.texture = this.texture;
    }
    if (boundary.classes) fillClassMap(boundary.classes, boundary.scores, size, this.plot?.classes ?? 2, colors, this.pixels);
    else fillHeatmap(boundary.scores, size, colors.pos, colors.neg, this.pixels);
    this.source.update();
    this.heatmap.visible = true;
  }

  /** Stretches the heatmap over the ranges its grid was computed on. */
  private placeHeatmap(boundary: Boundary | null, mapping: PlotMapping): void {
    if (!boundary || !this.heatmap.visible) return;
    const [left, top] = mapping.toPixel(boundary.xRange[0], boundary.yRange[1]);
    const [right, bottom] = mapping.toPixel(boundary.xRange[1], boundary.yRange[0]);
    this.heatmap.position.set(left, top);
    this.heatmap.width = right - left;
    this.heatmap.height = bottom - top;
  }

  /** A faint grid at round values, the axes through zero a little stronger, labels, the border. */
  private drawGrid(mapping: PlotMapping, colors: ThemeColors): void {
    const g = this.grid;
    g.clear();
    const { rect, xRange, yRange } = mapping;
    const right = rect.left + rect.width;
    const bottom = rect.top + rect.height;
    const xTicks = axisTicks(xRange, Math.max(2, Math.round(rect.width / 70)));
    const yTicks = axisTicks(yRange, Math.max(2, Math.round(rect.height / 70)));
    for (const t of xTicks) {
      const [px] = mapping.toPixel(t, 0);
      g.moveTo(px, rect.top).lineTo(px, bottom).stroke({ width: 1, color: colors.text, alpha: t === 0 ? 0.28 : 0.07 });
    }
    for (const t of yTicks) {
      const [, py] = mapping.toPixel(0, t);
      g.moveTo(rect.left, py).lineTo(right, py).stroke({ width: 1, color: colors.text, alpha: t === 0 ? 0.28 : 0.07 });
    }
    g.rect(rect.left + 0.5, rect.top + 0.5, Math.max(0, rect.width - 1), Math.max(0, rect.height - 1)).stroke({ width: 1, color: colors.text, alpha: 0.2 });

    let used = 0;
    for (const t of xTicks) {
      const [px] = mapping.toPixel(t, 0);
      if (px < rect.left + LABEL_CLEARANCE || px > right - LABEL_CLEARANCE) continue;
      this.placeLabel(used++, tickText(t), px, bottom - 3, 0.5, 1, colors);
    }
    for (const t of yTicks) {
      const [, py] = mapping.toPixel(0, t);
      if (py < rect.top + LABEL_CLEARANCE || py > bottom - LABEL_CLEARANCE) continue;
      this.placeLabel(used++, tickText(t), rect.left + 4, py, 0, 0.5, colors);
    }
    for (let i = used; i < this.labels.length; i++) this.labels[i]!.visible = false;
  }

  /** Shows tick label `i` (made on first use, reused after). */
  private placeLabel(i: number, text: string, x: number, y: number, ax: number, ay: number, colors: ThemeColors): void {
    let label = this.labels[i];
    if (!label) {
      label = new Text({ text: '', style: { fontFamily: 'monospace', fontSize: 9 } });
      this.labels.push(label);
      this.labelLayer.addChild(label);
    }
    label.text = text;
    label.style.fill = colors.text;
    label.alpha = 0.55;
    label.anchor.set(ax, ay);
    label.position.set(Math.round(x), Math.round(y));
    label.visible = true;
  }

  /**
   * Training points filled in their class colour with a thin outline in the panel colour (so
   * they stand out on a heatmap of their own colour), test points as rings, added points (the
   * last `added` training points, see datasetsOf) bigger and ringed in the accent.
   */
  private drawPoints(data: PlotPoints, mapping: PlotMapping, colors: ThemeColors): void {
    const g = this.points;
    g.clear();
    const classColor = (label: number) => classColour(label, data.classes, colors);
    const firstAdded = Math.max(0, data.train.x.length - data.added);
    for (let i = 0; i < firstAdded; i++) {
      const [px, py] = mapping.toPixel(data.train.x[i]![0]!, data.train.x[i]![1] ?? 0);
      g.circle(px, py, POINT_R).fill({ color: classColor(data.train.y[i]!) }).stroke({ width: 1, color: colors.panel, alpha: 0.9 });
    }
    for (let i = 0; i < data.test.x.length; i++) {
      const [px, py] = mapping.toPixel(data.test.x[i]![0]!, data.test.x[i]![1] ?? 0);
      g.circle(px, py, POINT_R).stroke({ width: 3.5, color: colors.panel, alpha: 0.55 });
      g.circle(px, py, POINT_R).stroke({ width: 1.75, color: classColor(data.test.y[i]!) });
    }
    for (let i = firstAdded; i < data.train.x.length; i++) {
      const [px, py] = mapping.toPixel(data.train.x[i]![0]!, data.train.x[i]![1] ?? 0);
      g.circle(px, py, ADDED_R).fill({ color: classColor(data.train.y[i]!) }).stroke({ width: 2, color: colors.accent });
    }
  }
}

/** A tick's label: short, with a true minus so it reads as a number, not a dash. */
function tickText(t: number): string {
  const text = String(Number(t.toPrecision(6)));
  return t < 0 ? `\u2212${text.slice(1)}` : text;
}
