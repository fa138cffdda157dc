import type { ReactFlowInstance } from '@xyflow/react';
import { errorText, isSecondhand } from '../../document/evaluate';
import { accumulatedGrad, evaluationOf, nodeProblem } from '../../state/derived';
import type { PlaygroundStore } from '../../state/store';
import { download } from './fileOps';
import { graphToSvg, type SvgColors } from './graphSvg';
import type { SvgSize } from './svgCardGeometry';

/** Device pixels per flow pixel in a PNG, at least: sharp on high-density screens and in slides. */
const PNG_SCALE = 2;
/** Browsers refuse (or silently blank) larger canvases; bigger graphs are drawn at a smaller scale. */
const MAX_CANVAS_SIDE = 8192;

/**
 * Exports the whole graph (not just what is in view) as a picture: an SVG drawn from the
 * document, or that SVG rasterised to a PNG. Tells the person how it went with a notice.
 */
export async function exportImage(store: PlaygroundStore, flow: ReactFlowInstance, format: 'png' | 'svg'): Promise<void> {
  const state = store.getState();
  const { doc } = state;
  if (Object.keys(doc.nodes).length === 0) {
    state.notify('info', 'Nothing to export yet');
    return;
  }
  try {
    const evaluation = evaluationOf(doc);
    const styles = getComputedStyle(document.documentElement);
    const token = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
    const colors: SvgColors = {
      background: token('--bg-canvas', '#12141c'),
      panel: token('--panel', '#181b25'),
      border: token('--border-strong', '#3a4052'),
      text: token('--text', '#e8e9f0'),
      muted: token('--text-faint', '#868b9f'),
      pos: token('--pos', '#4fb3ff'),
      neg: token('--neg', '#ff7a59'),
      zero: token('--zero', '#8d92a6'),
      accent: token('--accent', '#f5d04c'),
      danger: token('--danger', '#ff5d6c'),
      accentText: token('--accent-text', '#1a1608'),
    };
    const svg = graphToSvg({
      doc,
      numbers: (id) => {
        const r = evaluation.results.get(id);
        const error = nodeProblem(state, id);
        return {
          data: r?.data ?? NaN,
          grad: accumulatedGrad(state, id),
          error: error === null ? null : errorText(error),
          upstream: error !== null && isSecondhand(error),
          ...(r?.outputs ? { outputs: r.outputs } : {}),
        };
      },
      sizes: (id) => measuredSize(flow, id),
      colors,
      fontSans: token('--font-sans', 'sans-serif'),
      fontMono: token('--font-mono', 'monospace'),
      output: evaluation.output,
      title: `${fileBase(store)}: a Micrograd Playground graph`,
    });

    const name = fileBase(store);
    if (format === 'svg') {
      download(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`);
      state.notify('success', `Exported the graph as ${name}.svg.`);
      return;
    }
    const png = await rasterise(svg);
    download(png, `${name}.png`);
    store.getState().notify('success', `Exported the graph as ${name}.png.`);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    store.getState().notify('error', `Could not export the picture: ${why}`);
  }
}

/** The card's size as the canvas measured it, when it has. */
function measuredSize(flow: ReactFlowInstance, id: string): SvgSize | undefined {
  const m = flow.getNode(id)?.measured;
  return m?.width && m.height ? { width: m.width, height: m.height } : undefined;
}

/** A file name from the output's label ('L.png'), as saved graphs are named. */
function fileBase(store: PlaygroundStore): string {
  const { doc } = store.getState();
  const outputId = evaluationOf(doc).output ?? doc.output;
  const out = outputId ? doc.nodes[outputId] : undefined;
  const label = out && 'label' in out ? out.label.replace(/[^A-Za-z0-9_-]+/g, '') : '';
  return label || 'micrograd';
}

/** Draws the SVG on a canvas at PNG_SCALE (less for huge graphs) and encodes it as a PNG. */
async function rasterise(svg: string): Promise<Blob> {
  const size = svgSize(svg);
  const scale = Math.min(Math.max(PNG_SCALE, window.devicePixelRatio || 1), MAX_CANVAS_SIDE / size.width, MAX_CANVAS_SIDE / size.height);
  const width = Math.max(1, Math.floor(size.width * scale));
  const height = Math.max(1, Math.floor(size.height * scale));

  // Drawn at its final size (not stretched from 1x), so text and curves stay crisp.
  const sized = svg.replace(/<svg\b[^>]*>/, (root) =>
    root.replace(/\swidth="[\d.]+"/, ` width="${width}"`).replace(/\sheight="[\d.]+"/, ` height="${height}"`),
  );
  const url = URL.createObjectURL(new Blob([sized], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser gave no 2D canvas.');
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG.'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The width and height attributes graphToSvg writes on the root element. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('the picture has no size.');
  return { width, height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not draw the SVG.'));
    image.src = url;
  });
}
