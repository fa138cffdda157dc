import { isHiddenCharacter } from '../hiddenCharacters';

/**
 * The one gate between user text (labels, and anything a file names, such as an unknown op)
 * and generated code. Text reaches a program in three ways only: inside a string literal, inside
 * a comment, or turned into an identifier; each has one function here, and every emitter (Python,
 * TypeScript, and any later one) writes user text through them and nowhere else. Labels already
 * refuse hidden characters when they are read or typed; escaping here as well means a document
 * built some other way still cannot put a statement into the program.
 */

/** The languages code is exported in. A PyTorch export is Python, and shares its comment syntax. */
type CodeLanguage = 'python' | 'typescript';

const COMMENT_MARKER: Readonly<Record<CodeLanguage, string>> = { python: '#', typescript: '//' };

/** A lone UTF-16 surrogate, which no UTF-8 file can hold (`for...of` yields them one by one). */
function isLoneSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** `\u2028`: an escape Python and JavaScript both read in a string, and a person can read in a comment. */
function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text that stays inside one line comment of any of the languages: every control character,
 * line terminator (LF, CR, NEL, U+2028, U+2029, ...), text-direction control and lone surrogate
 * is written as a visible `\uXXXX`, so the comment cannot end early or read in another order.
 * Everything else, quotes and comment openers among it, is harmless after the marker and kept.
 */
export function commentText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += isHiddenCharacter(code) || isLoneSurrogate(code) ? unicodeEscape(code) : ch;
  }
  return out;
}

/** A whole line comment, `# text` or `// text`, with the text made safe by {@link commentText}. */
export function lineComment(language: CodeLanguage, text: string): string {
  return `${COMMENT_MARKER[language]} ${commentText(text)}`;
}

/**
 * A single-quoted string literal that Python and TypeScript both read back as `text`, one
 * literal for both so the two programs print the same labels. Backslash and quote are escaped,
 * newline as `\n`, other C0 and C1 controls as `\x..`; U+2028, U+2029, text-direction controls
 * and lone surrogates as `\u....`. Other non-ASCII text is kept readable.
 */
export function stringLiteral(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (code <= 0xff && isHiddenCharacter(code)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (isHiddenCharacter(code) || isLoneSurrogate(code)) out += unicodeEscape(code);
    else out += ch;
  }
  return `${out}'`;
}

/**
 * Operator characters read aloud, so 'e - 1' and 'e + 1' give different names. A Map, not an
 * object: a label word such as 'valueOf' or 'constructor' must not find Object.prototype's.
 */
const OPERATOR_WORDS: ReadonlyMap<string, string> = new Map([
  ['+', 'plus'],
  ['-', 'minus'],
  ['*', 'times'],
  ['/', 'over'],
]);

/**
 * A label as an identifier valid in Python and TypeScript, or '' when nothing is left:
 * 'x1w1 + x2w2' → 'x1w1_plus_x2w2', 'L1.N0.w0' → 'L1_N0_w0', '2n' → '_2n'. ASCII letters, digits
 * and '_' only, so no label character survives into code outside a string or a comment; and
 * because Python normalises Unicode identifiers (NFKC), two different labels could become one name.
 * Keywords and clashes are `names.ts`'s business.
 */
export function identifierFromLabel(label: string): string {
  const words = label.match(/[A-Za-z0-9_]+|[+\-*/]/g) ?? [];
  const name = words.map((w) => OPERATOR_WORDS.get(w) ?? w).join('_');
  if (name === '' || /^_+$/.test(name)) return '';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
