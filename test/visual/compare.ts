import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * Compares two folders written by capture.spec.ts, pixel by pixel and element by element:
 *
 *   npx tsx test/visual/compare.ts BEFORE_DIR AFTER_DIR [DIFF_DIR]
 *
 * Every element's computed style must be the same, property by property, and every picture the
 * same pixel for pixel. Headless Chromium under load shades a few anti-aliased corner pixels one
 * or two levels differently from run to run (two captures of the same build show it), so
 * `--tolerance N` lets a channel move by up to N levels; the default, 0, counts any change.
 * Pictures that differ are written to DIFF_DIR with the changed pixels in red. Exits 1 on any
 * difference.
 */

const args = process.argv.slice(2);
const toleranceAt = args.indexOf('--tolerance');
/** A pixel counts as different when a channel moved by more than this (0: any change counts). */
const tolerance = toleranceAt >= 0 ? Number(args.splice(toleranceAt, 2)[1]) : 0;
const [beforeDir, afterDir, diffDir] = args;
if (!beforeDir || !afterDir || !Number.isInteger(tolerance) || tolerance < 0) {
  console.error('usage: tsx test/visual/compare.ts [--tolerance N] BEFORE_DIR AFTER_DIR [DIFF_DIR]');
  process.exit(2);
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

interface PictureResult {
  differing: number;
  maxChannel: number;
  problem?: string;
}

/** How many pixels differ, and by how much at most in any one channel (0–255). */
function comparePictures(name: string): PictureResult {
  const a = PNG.sync.read(readFileSync(join(beforeDir!, name)));
  const b = PNG.sync.read(readFileSync(join(afterDir!, name)));
  if (a.width !== b.width || a.height !== b.height) {
    return { differing: Math.max(a.width * a.height, b.width * b.height), maxChannel: 255, problem: `size ${a.width}x${a.height} → ${b.width}x${b.height}` };
  }
  let maxChannel = 0;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let most = 0;
    for (let c = 0; c < 4; c++) most = Math.max(most, Math.abs(a.data[i + c]! - b.data[i + c]!));
    maxChannel = Math.max(maxChannel, most);
    if (most > tolerance) differing++;
  }
  if (differing === 0) return { differing, maxChannel };
  // The picture of what changed: pixelmatch greys out the rest and marks changes in red.
  const diff = new PNG({ width: a.width, height: a.height });
  pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0, includeAA: true });
  if (diffDir) {
    const out = join(diffDir, name);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, PNG.sync.write(diff));
  }
  return { differing, maxChannel };
}

interface StyleDump {
  styles: string[];
  elements: [path: string, className: string, style: number][];
}

/** Property → value, from a dump's "name:value;" text. */
function parseStyle(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of text.split(';')) {
    const at = part.indexOf(':');
    if (at > 0) map.set(part.slice(0, at), part.slice(at + 1));
  }
  return map;
}

/** Lines describing each element whose computed style changed, or that is only on one side. */
function compareStyles(name: string): { elements: number; lines: string[] } {
  const read = (dir: string): StyleDump => JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString('utf8')) as StyleDump;
  const a = read(beforeDir!);
  const b = read(afterDir!);
  const after = new Map(b.elements.map(([path, cls, id]) => [path, { cls, style: b.styles[id]! }]));
  const lines: string[] = [];
  for (const [path, cls, id] of a.elements) {
    const other = after.get(path);
    if (!other) {
      lines.push(`${path} (.${cls}) is missing after`);
      continue;
    }
    after.delete(path);
    const style = a.styles[id]!;
    if (style === other.style) continue;
    const was = parseStyle(style);
    const now = parseStyle(other.style);
    const changes = [...new Set([...was.keys(), ...now.keys()])]
      .filter((p) => was.get(p) !== now.get(p))
      .map((p) => `${p}: ${was.get(p)} → ${now.get(p)}`);
    lines.push(`${path} (.${cls.split(' ').join('.')}${other.cls !== cls ? ` → .${other.cls.split(' ').join('.')}` : ''}): ${changes.join('; ')}`);
  }
  for (const [path, { cls }] of after) lines.push(`${path} (.${cls}) is new after`);
  return { elements: a.elements.length, lines };
}

const before = filesUnder(beforeDir);
const afterFiles = new Set(filesUnder(afterDir));
let failed = false;
let pictures = 0;
let picturesDiffering = 0;
let maxPixels = 0;
let maxChannel = 0;
let styleFiles = 0;
let elements = 0;
let elementsDiffering = 0;

for (const name of before) {
  if (!afterFiles.has(name)) {
    console.log(`MISSING after: ${name}`);
    failed = true;
    continue;
  }
  afterFiles.delete(name);
  if (name.endsWith('.png')) {
    pictures++;
    const r = comparePictures(name);
    maxPixels = Math.max(maxPixels, r.differing);
    maxChannel = Math.max(maxChannel, r.maxChannel);
    if (r.differing > 0 || r.problem) {
      picturesDiffering++;
      failed = true;
      console.log(`DIFFERS ${name}: ${r.problem ?? `${r.differing} pixels, up to ${r.maxChannel}/255 in a channel`}`);
    } else if (r.maxChannel > 0) {
      console.log(`within tolerance ${name}: up to ${r.maxChannel}/255 in a channel`);
    }
  } else if (name.endsWith('.styles.json.gz')) {
    styleFiles++;
    const r = compareStyles(name);
    elements += r.elements;
    if (r.lines.length > 0) {
      elementsDiffering += r.lines.length;
      failed = true;
      console.log(`STYLES ${name}: ${r.lines.length} elements`);
      for (const line of r.lines.slice(0, 40)) console.log(`  ${line}`);
      if (r.lines.length > 40) console.log(`  … and ${r.lines.length - 40} more`);
    }
  }
}
for (const name of afterFiles) {
  console.log(`NEW after: ${name}`);
  failed = true;
}

const states = before.filter((n) => n.endsWith('.png') && !/\.(part\d+|note)\.png$/.test(n)).length;
console.log(
  `${states} states (viewport × theme × state), ${pictures} pictures: ${picturesDiffering} differ by more than ${tolerance}/255; ` +
    `at most ${maxPixels} such pixels in one, and ${maxChannel}/255 the largest change in any channel.`,
);
console.log(`${styleFiles} style dumps, ${elements} elements: ${elementsDiffering} differ.`);
if (diffDir && picturesDiffering > 0 && existsSync(diffDir)) console.log(`Differences drawn in ${diffDir}.`);
process.exit(failed ? 1 : 0);
