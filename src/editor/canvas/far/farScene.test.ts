import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docOf, op, placed, val, wire } from '../../../document/testDocs';
import { boxOf, inputPortY } from '../../files/svgCardKinds';
import { controlOffset } from './farPaint';
import { moveNodes, removeWires, updateNode } from '../../../document/edit';
import { nextInTabOrder } from './WakeTracker';
import { cardAt, cardsOnScreen, farCards, farDrawsText, farWires, sameGeometry, visibleRect, wiresOnScreen } from './farScene';

const doc = docOf([placed(val('a', 2), 0, 0), placed(val('b', -3), 0, 200), placed(op('m', 'mul'), 300, 100)], [wire('a', 'm', 'a'), wire('b', 'm', 'b')], 'm');

describe('the far view scene', () => {
  it('gives each card its measured size, else the size its kind draws at', () => {
    const cards = farCards(doc, (id) => (id === 'a' ? { width: 210, height: 120 } : undefined));
    expect(cards.get('a')).toMatchObject({ x: 0, y: 0, width: 210, height: 120 });
    const m = boxOf(doc.nodes.m!, undefined);
    expect(cards.get('m')).toMatchObject({ x: 300, y: 100, width: m.width, height: m.height });
  });

  it('ends each wire where the cards have their handles: an output\'s right middle, an input\'s port', () => {
    const cards = farCards(doc, () => undefined);
    const [wa, wb] = farWires(doc, cards);
    const a = cards.get('a')!;
    expect(wa).toMatchObject({ x1: a.x + a.width, y1: a.y + a.height / 2, x2: 300, y2: 100 + inputPortY(doc.nodes.m!, 0) });
    expect(wb!.y2).toBe(100 + inputPortY(doc.nodes.m!, 1));
  });

  it('reuses the scene for a typed number, not for a move or a changed wire', () => {
    const cards = farCards(doc, () => undefined);
    const none = () => undefined;
    expect(sameGeometry(doc, updateNode(doc, 'a', { value: 7 }), cards, none)).toBe(true);
    expect(sameGeometry(doc, moveNodes(doc, new Map([['a', { x: 40, y: 0 }]])), cards, none)).toBe(false);
    expect(sameGeometry(doc, removeWires(doc, [Object.keys(doc.wires)[0]!]), cards, none)).toBe(false);
  });

  it('keeps exactly the cards that overlap the screen', () => {
    fc.assert(
      fc.property(fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (x, y, zoom) => {
        const view = { x, y, zoom, width: 800, height: 600 };
        const cards = [...farCards(doc, () => undefined).values()];
        const shown = new Set(cardsOnScreen(cards, view).map((c) => c.id));
        const r = visibleRect(view);
        for (const c of cards) {
          const overlaps = c.x < r.right && c.x + c.width > r.left && c.y < r.bottom && c.y + c.height > r.top;
          if (overlaps) expect(shown.has(c.id)).toBe(true);
        }
      }),
    );
  });

  it('drops wires far off screen and keeps those crossing it', () => {
    const wires = farWires(doc, farCards(doc, () => undefined));
    expect(wiresOnScreen(wires, { x: 0, y: 0, zoom: 1, width: 800, height: 600 })).toHaveLength(2);
    expect(wiresOnScreen(wires, { x: 5000, y: 5000, zoom: 1, width: 800, height: 600 })).toHaveLength(0);
  });

  it('finds the card under a point, and none on empty canvas', () => {
    const cards = farCards(doc, () => undefined);
    expect(cardAt(cards, 310, 110)).toBe('m');
    expect(cardAt(cards, 5, 5)).toBe('a');
    expect(cardAt(cards, 250, 500)).toBeNull();
  });

  it('draws text only where it would be at least 6 px on screen', () => {
    expect(farDrawsText(0.25)).toBe(true);
    expect(farDrawsText(0.1)).toBe(false);
  });

  it('bends wires as React Flow does: half the run forward, a loop back for a wire going left', () => {
    expect(controlOffset(200)).toBe(100);
    expect(controlOffset(-100)).toBeCloseTo(62.5);
  });
});

describe('Tab order through the far view', () => {
  it('goes to the next card, back with Shift, and out past either end', () => {
    const order = ['a', 'b', 'c'];
    expect(nextInTabOrder(order, 'a', false)).toBe('b');
    expect(nextInTabOrder(order, 'b', true)).toBe('a');
    expect(nextInTabOrder(order, 'c', false)).toBeNull();
    expect(nextInTabOrder(order, 'a', true)).toBeNull();
    expect(nextInTabOrder(order, null, false)).toBe('a');
  });
});
