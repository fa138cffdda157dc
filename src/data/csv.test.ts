import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CSV_CHARS, parseCsv, type CsvResult } from './csv';
import { MAX_POINTS } from './limits';

function reasonOf(result: CsvResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${result.dataset.x.length} rows`);
  return result.reason;
}

describe('parseCsv accepts', () => {
  it('rows with a header, mapping 0/1 labels to -1/+1', () => {
    const r = parseCsv('x1,x2,label\n0.5,-1.25,1\n2,3e-1,0\n', { name: 'my.csv' });
    expect(r).toEqual({
      ok: true,
      dataset: {
        name: 'my.csv',
        x: [
          [0.5, -1.25],
          [2, 0.3],
        ],
        y: [1, -1],
      },
    });
  });

  it('class numbers 0..k-1 for k classes, kept as they are (0 is a class, not -1)', () => {
    const r = parseCsv('x1,x2,class\n0,0,2\n1,0,0\n0,1,1\n1,1,0\n');
    expect(r.ok && r.dataset.y).toEqual([2, 0, 1, 0]);
    const eight = Array.from({ length: 8 }, (_, j) => `${j},0,${j}`).join('\n');
    const r8 = parseCsv(eight);
    expect(r8.ok && r8.dataset.y).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('rows without a header, with -1/+1 labels, CRLF, BOM, blanks, comments, quotes and spaces', () => {
    const text = '\uFEFF# exported\r\n 1 , 2 , -1 \r\n\r\n"3","-4","+1"\r\n.5,-.5,1.0\r\n';
    const r = parseCsv(text);
    expect(r).toEqual({
      ok: true,
      dataset: {
        name: 'csv',
        x: [
          [1, 2],
          [3, -4],
          [0.5, -0.5],
        ],
        y: [-1, 1, 1],
      },
    });
  });

  it('exactly the row limit', () => {
    const text = Array.from({ length: 10 }, (_, i) => `${i},0,${i % 2}`).join('\n');
    const r = parseCsv(text, { maxRows: 10 });
    expect(r.ok && r.dataset.x.length).toBe(10);
  });

  it('any list of finite rows it is given, unchanged (round trip)', () => {
    const row = fc.tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom<-1 | 1>(-1, 1),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 50 }), fc.boolean(), (rows, zeroOne) => {
        const both: typeof rows = [...rows, [0, 0, 1], [0, 0, -1]];
        const text = both.map(([a, b, l]) => `${a},${b},${zeroOne && l === -1 ? 0 : l}`).join('\n');
        const r = parseCsv(text);
        expect(r).toEqual({
          ok: true,
          // Number(String(-0)) is 0, so -0 comes back as 0.
          dataset: { name: 'csv', x: both.map(([a, b]) => [a + 0, b + 0]), y: both.map(([, , l]) => l) },
        });
      }),
    );
  });
});

describe('parseCsv refuses, saying why', () => {
  it.each([
    ['', /no data rows/],
    ['x1,x2,label\n\n# nothing\n', /no data rows/],
    ['1,2,1\n3,4\n', /line 2: expected 3 columns \(x1,x2,label\), got 2/],
    ['1,2,1,5\n', /line 1: expected 3 columns .*got 4/],
    ['1;2;1\n', /line 1: expected 3 columns .*got 1/],
    [
      'x1,x2,label\n1,2,1\n0,0,-1\n0,0,-1\n0,0,1\n0,1,1\n1,1,cat\n',
      /^line 7: label must be -1\/\+1, 0\/1 or a class number 0..7, got 'cat'$/,
    ],
    ['1,2,0.5\n', /line 1: label must be -1\/\+1, 0\/1 or a class number 0..7, got '0.5'/],
    ['1,2,-2\n', /line 1: label must be -1\/\+1, 0\/1 or a class number 0..7, got '-2'/],
    ['1,2,0\n1,2,1\n1,2,8\n', /line 3: class 8 would make more than 8 classes/],
    ['1,2,0\n1,2,1\n1,2,3\n', /class 2 never occurs, yet line 3 has class 3: number the classes 0..3 without gaps/],
    ['1,2,2\n', /class 0 never occurs, yet line 1 has class 2/],
    ['1,2,1\n1,2,-1\n1,2,2\n', /labels mix -1\/\+1 with class numbers \(-1 on line 2, 2 on line 3\)/],
    ['1,2,1\nabc,2,-1\n', /line 2: x1 must be a number, got 'abc'/],
    ['1,2,1\n1,,-1\n', /line 2: x2 must be a number, got ''/],
    ['1,2,1\n1,0x10,-1\n', /line 2: x2 must be a number, got '0x10'/],
    ['1,2,1\nInfinity,2,-1\n', /line 2: x1 must be a finite number, got 'Infinity'/],
    ['1,2,1\n1,NaN,-1\n', /line 2: x2 must be a finite number, got 'NaN'/],
    ['1,2,1\n1e999,2,-1\n', /line 2: x1 must be a finite number, got '1e999'/],
    ['1,2,1\n3,4,NaN\n', /line 2: label must be a finite number/],
    ['1,2,1\nx1,x2,label\n', /line 2: x1 must be a number, got 'x1'/],
    [',,\n1,2,1\n3,4,0\n', /line 1: x1 must be a number, got ''/],
    ['1,2,0\n1,2,1\n1,2,-1\n', /labels mix the 0\/1 and -1\/\+1 conventions \(0 on line 1, -1 on line 3\)/],
    ['1,2,1\n3,4,1\n', /every label is 1: a classifier needs examples of both classes/],
    ['1,2,0\n3,4,0\n', /every label is 0/],
    ['1,2,-1\n', /every label is -1/],
  ])('%j', (text, reason) => {
    expect(reasonOf(parseCsv(text))).toMatch(reason);
  });

  it('more rows than the limit', () => {
    const text = Array.from({ length: MAX_POINTS + 1 }, (_, i) => `${i},0,${i % 2}`).join('\n');
    expect(reasonOf(parseCsv(text))).toMatch(`too many rows: the limit is ${MAX_POINTS} data rows`);
    expect(reasonOf(parseCsv('1,1,1\n2,2,0\n3,3,1\n', { maxRows: 2 }))).toMatch(/too many rows/);
  });

  it('a file that is too large, before reading it', () => {
    const text = `1,2,1\n${'#'.repeat(MAX_CSV_CHARS)}`;
    expect(reasonOf(parseCsv(text))).toMatch(/^file too large: \d+ characters, the limit is \d+$/);
  });

  it('a long bad cell without quoting all of it', () => {
    const reason = reasonOf(parseCsv(`1,2,${'z'.repeat(10_000)}\n`));
    expect(reason.length).toBeLessThan(120);
  });

  it('even a hostile options object, without throwing', () => {
    const options = {
      get name(): string {
        throw new Error('boom');
      },
    };
    expect(reasonOf(parseCsv('1,2,1\n3,4,0\n', options))).toMatch(/could not read the file: Error: boom/);
  });

  it('input that is not text, without throwing', () => {
    expect(reasonOf(parseCsv(42 as unknown as string))).toMatch(/not text/);
  });
});

describe('parseCsv on garbage', () => {
  // Whatever arrives, the result is either a valid dataset or a non-empty reason: never a throw.
  const check = (text: string): void => {
    const r = parseCsv(text);
    if (r.ok) {
      expect(r.dataset.x.length).toBeGreaterThan(0);
      expect(r.dataset.x.length).toBeLessThanOrEqual(MAX_POINTS);
      expect(r.dataset.y).toHaveLength(r.dataset.x.length);
      expect(new Set(r.dataset.y)).toEqual(new Set([-1, 1]));
      for (const row of r.dataset.x) {
        expect(row).toHaveLength(2);
        for (const v of row) expect(Number.isFinite(v)).toBe(true);
      }
    } else {
      expect(r.reason.length).toBeGreaterThan(0);
    }
  };

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), check), { numRuns: 500 });
  });

  it('never throws on CSV-shaped noise', () => {
    const cell = fc.oneof(
      fc.constantFrom('0', '1', '-1', '+1', '', ' ', '"', '""', 'NaN', '-Infinity', '1e400'),
      fc.constantFrom('x1', 'label', '.', '-', 'e5', '\uFEFF', '#'),
      fc.double().map(String),
      fc.string({ maxLength: 5 }),
    );
    const line = fc.array(cell, { minLength: 0, maxLength: 5 }).map((cells) => cells.join(','));
    const text = fc
      .tuple(fc.array(line, { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'))
      .map(([lines, eol]) => lines.join(eol));
    fc.assert(fc.property(text, check), { numRuns: 1000 });
  });
});
