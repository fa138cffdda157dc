import type { ThemeColors } from '../themeColors';

/**
 * What every canvas scene understands, wherever it runs: the host (main thread) hands it a
 * canvas, a size and the theme's colours, and ends it. Scenes add their own messages.
 */

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  resolution: number;
}

export type SceneControl =
  | { type: 'init'; canvas: OffscreenCanvas | HTMLCanvasElement; size: CanvasSize; colors: ThemeColors; reducedMotion: boolean }
  | { type: 'size'; size: CanvasSize }
  | { type: 'colors'; colors: ThemeColors }
  | { type: 'destroy' };

export type SceneReport = { type: 'ready' } | { type: 'failed'; message: string };
