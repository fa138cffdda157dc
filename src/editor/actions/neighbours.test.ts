import { describe, expect, it } from 'vitest';
import { docOf, lecture, op, placed, val, wire } from '../../document/testDocs';
import { inputsOf, nearestCard, neighbour, readersOf } from './neighbours';

const size = () => ({ width: 180, height: 90 });

/** L = d·f, d = e + c, e = a·b: the lecture's graph, as the arrows walk it. */
describe('arrow-key travel between cards', () => {
  const doc = lecture();

  it('lists a node’s inputs in port order and its readers', () => {
    expect(inputsOf(doc, 'L')).toEqual(['d', 'f']);
    expect(inputsOf(doc, 'a')).toEqual([]);
    expect(readersOf(doc, 'e')).toEqual(['d']);
  });

  it('goes left to the first input and right to the reader', () => {
    expect(neighbour(doc, 'L', 'left', null, size)?.id).toBe('d');
    expect(neighbour(doc, 'd', 'left', null, size)?.id).toBe('e');
    expect(neighbour(doc, 'e', 'right', null, size)?.id).toBe('d');
  });

  it('walks the inputs of the node it came from with up and down', () => {
    const toD = neighbour(doc, 'L', 'left', null, size)!;
    const toF = neighbour(doc, 'd', 'down', toD.siblings, size)!;
    expect(toF.id).toBe('f');
    expect(neighbour(doc, 'f', 'up', toF.siblings, size)?.id).toBe('d');
  });

  it('without a remembered walk, up and down go through the inputs of the first reader', () => {
    expect(neighbour(doc, 'a', 'down', null, size)?.id).toBe('b');
    expect(neighbour(doc, 'b', 'up', null, size)?.id).toBe('a');
  });

  it('walks the readers of a node that feeds several after going right, top to bottom', () => {
    const g = docOf([val('x', 1), placed(op('p', 'tanh'), 300, 200), placed(op('q', 'tanh'), 300, 0)], [wire('x', 'p', 'x'), wire('x', 'q', 'x')]);
    expect(readersOf(g, 'x')).toEqual(['q', 'p']);
    const toQ = neighbour(g, 'x', 'right', null, size)!;
    expect(toQ.id).toBe('q');
    expect(neighbour(g, 'q', 'down', toQ.siblings, size)?.id).toBe('p');
  });

  it('goes to the nearest card that way where no wire leads', () => {
    const g = docOf([placed(val('m', 1), 0, 0), placed(val('n', 1), 0, 200), placed(val('o', 1), 400, 10)], []);
    expect(nearestCard(g, 'm', 'down', size)).toBe('n');
    expect(nearestCard(g, 'm', 'right', size)).toBe('o');
    expect(nearestCard(g, 'm', 'up', size)).toBeNull();
    expect(neighbour(g, 'm', 'left', null, size)).toBeNull();
    expect(neighbour(g, 'n', 'up', null, size)?.id).toBe('m');
  });
});
