import { describe, expect, it } from 'vitest';
import { runPython } from '../../../test/python/runPython';
import { findHiddenCharacter } from '../hiddenCharacters';
import { assignNames } from './names';
import { commentText, identifierFromLabel, lineComment, stringLiteral } from './text';

/** Every Unicode line terminator, and the other characters that may end a line in some reader. */
const LINE_ENDS = ['\n', '\r', '\r\n', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029'];
/** Characters that reorder or hide text: bidi overrides and isolates, marks, NUL, ESC, DEL, a lone surrogate. */
const HIDDEN = ['\u202e', '\u202a', '\u2066', '\u2069', '\u061c', '\u200e', '\u200f', '\u0000', '\u001b', '\u007f', '\u009b', '\ud800'];

describe('commentText and lineComment', { timeout: 30_000 }, () => {
  it('writes every line terminator and hidden character as a visible escape', () => {
    for (const ch of [...LINE_ENDS, ...HIDDEN]) {
      const text = commentText(`a${ch}b`);
      expect(text, JSON.stringify(ch)).toMatch(/^a(\\u[0-9a-f]{4})+b$/);
    }
    expect(commentText('x\u2028y')).toBe('x\\u2028y');
    // Readable text stays as typed: quotes, comment openers, backslashes, other Unicode.
    const plain = `it's "x" # // /* */ """ \\ α 😀 👩‍💻`;
    expect(commentText(plain)).toBe(plain);
  });

  it('keeps a payload after any line break inside the comment, in JavaScript and in Python', () => {
    const payloads = LINE_ENDS.flatMap((end) => HIDDEN.map((h) => `'x'${end}${h}console.log('INJECTED'); print('INJECTED')${end}`));
    for (const text of payloads) {
      // A comment alone is a program that does nothing: if any text escaped it, this would throw or log.
      expect(new Function(lineComment('typescript', text))()).toBeUndefined();
    }
    const python = payloads.map((text) => lineComment('python', text)).join('\n');
    expect(runPython(`${python}\nprint('done')\n`)).toBe('done\n');
  });
});

describe('stringLiteral', { timeout: 30_000 }, () => {
  it('reads back as the same text in JavaScript and Python, with line terminators and hidden characters escaped', () => {
    const texts = [...LINE_ENDS, ...HIDDEN].map((ch) => `a${ch}b`);
    texts.push("'\\'", '"""', '*/ //', '${x}');
    for (const t of texts) {
      const literal = stringLiteral(t);
      expect(findHiddenCharacter(literal), JSON.stringify(t)).toBeNull();
      expect(new Function(`return ${literal};`)()).toBe(t);
    }
    const json = runPython(`import json\nprint(json.dumps([${texts.map(stringLiteral).join(', ')}]))`);
    expect(JSON.parse(json)).toEqual(texts);
  });
});

describe('identifierFromLabel', () => {
  it('turns labels that name Object.prototype members into plain identifiers', () => {
    // On main, 'constructor' came out as "function Object() { [native code] }": not code at all.
    for (const label of ['constructor', 'valueOf', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(identifierFromLabel(label)).toBe(label);
    }
    expect(identifierFromLabel('valueOf + 1')).toBe('valueOf_plus_1');
    const names = assignNames([{ id: 'a', label: 'constructor' }]);
    expect(names.get('a')).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it('lets no label character but letters, digits and _ into a name', () => {
    for (const ch of [...LINE_ENDS, ...HIDDEN, "'", '"', '\\', '#', '(', ')', ';', '.', ' ', 'α']) {
      expect(identifierFromLabel(`a${ch}b`), JSON.stringify(ch)).toMatch(/^[A-Za-z0-9_]*$/);
    }
  });
});
