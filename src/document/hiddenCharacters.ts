/**
 * Characters that change how text reads without being seen: control characters (every Unicode
 * line terminator among them) and the bidirectional overrides of "Trojan Source" (CVE-2021-42574),
 * which reorder what a reader sees. A label holding one could end a comment line in exported
 * code, or make a name read as something else, so labels refuse them (`file/fileFields.ts`) and the
 * code export escapes them wherever user text lands (`codegen/text.ts`).
 */

/** The bidirectional formatting characters: ALM, LRM, RLM, LRE..RLO, LRI..PDI. */
function isBidiControl(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** A character that ends a line somewhere: LF, VT, FF, CR (C0), NEL (C1), LINE and PARAGRAPH SEPARATOR. */
function isLineBreak(code: number): boolean {
  return (code >= 0x0a && code <= 0x0d) || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/**
 * True for a code point a label may not hold: C0 and C1 controls and DEL, U+2028 and U+2029
 * (line terminators to JavaScript, though not controls), and the bidirectional controls.
 */
export function isHiddenCharacter(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || isBidiControl(code);
}

/** The first hidden character of `text`, in words a person can act on ("a tab (U+0009)"), or null. */
export function findHiddenCharacter(text: string): string | null {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (isHiddenCharacter(code)) return describeCharacter(code);
  }
  return null;
}

function describeCharacter(code: number): string {
  const what = code === 0x09 ? 'a tab' : isLineBreak(code) ? 'a line break' : isBidiControl(code) ? 'a text-direction control' : 'a control character';
  return `${what} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * `text` with each hidden character replaced by a space: for names the playground takes from
 * outside without asking (a CSV file's name), which must still make a file that opens again.
 */
export function withoutHiddenCharacters(text: string): string {
  let out = '';
  for (const ch of text) out += isHiddenCharacter(ch.codePointAt(0)!) ? ' ' : ch;
  return out;
}
