import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPlayground } from './helpers/canvas';

/** Picks a File menu item and returns the file the page offers for download. */
async function exportVia(page: Page, action: 'exportSvg' | 'exportPng'): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the page and counts pixels that differ from the corner (background) pixel. */
function paintedPixels(page: Page, png: Buffer): Promise<{ painted: number; total: number; width: number; height: number }> {
  return page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      const d = Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0);
      // Small, so light-theme cards (white on a near-white canvas) count as drawn too.
      if (d > 8) painted++;
    }
    return { painted, total: canvas.width * canvas.height, width: canvas.width, height: canvas.height };
  }, `data:image/png;base64,${png.toString('base64')}`);
}

test('the File menu exports the whole graph as an SVG and as a PNG', async ({ page }) => {
  // The first visit lays the example out; export once it has come to rest, as a person would.
  await openPlayground(page);

  // SVG: a real vector drawing of the lecture's L graph, with draw_dot's four-decimal numbers.
  const svg = await exportVia(page, 'exportSvg');
  expect(svg.download.suggestedFilename()).toBe('L.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<\?xml[^>]*\?>\s*<svg\b/);
  expect(text.trimEnd().endsWith('</svg>')).toBe(true);
  expect(text).not.toContain('foreignObject');
  expect(text).toMatch(/<text\b[^>]*>L<\/text>/);
  expect(text).toContain('−8.0000');
  expect(text.match(/<path\b/g) ?? []).toHaveLength(6);
  await expect(page.getByTestId('toast')).toContainText('L.svg');
  const svgWidth = Number(/<svg\b[^>]*\swidth="(\d+)"/.exec(text)?.[1]);
  const svgHeight = Number(/<svg\b[^>]*\sheight="(\d+)"/.exec(text)?.[1]);
  expect(svgWidth).toBeGreaterThan(300);
  expect(svgHeight).toBeGreaterThan(100);

  // PNG: the same picture rasterised at twice the size, with the graph drawn on the background.
  const png = await exportVia(page, 'exportPng');
  expect(png.download.suggestedFilename()).toBe('L.png');
  const size = pngSize(png.bytes);
  expect(size).toEqual({ width: svgWidth * 2, height: svgHeight * 2 });
  if (process.env.EXPORT_PNG_PATH) await png.download.saveAs(process.env.EXPORT_PNG_PATH);
  const pixels = await paintedPixels(page, png.bytes);
  expect(pixels.width).toBe(size.width);
  expect(pixels.painted).toBeGreaterThan(pixels.total * 0.1);
  expect(pixels.painted).toBeLessThan(pixels.total * 0.9);
  await expect(page.getByTestId('toast')).toContainText('L.png');
});

test('exporting an empty graph says there is nothing to export', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('file-menu').click();
  await page.locator('[data-action="exportSvg"]').click();
  await expect(page.getByTestId('toast')).toContainText('Nothing to export yet');
  expect(downloads).toBe(0);
});
