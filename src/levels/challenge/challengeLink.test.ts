import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toGraphFile } from '../../document/file/serialize';
import { PRESETS } from '../../document/presets';
import { HIDDEN_CONTROLS } from '../types';
import type { Challenge } from './challengeLevel';
import { challengeText, decodeChallengeHash, encodeChallengeHash, isChallengeHash, parseChallengeText } from './challengeLink';
import type { ChallengeGoal } from './types';

/** Deflate + base64url of a text, the way links are made, so tests can forge any payload. */
async function hashOf(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `#c=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

async function refusal(hash: string): Promise<string> {
  const read = await decodeChallengeHash(hash);
  if (read.ok) throw new Error('expected the link to be refused');
  return read.reason;
}

const goalArb: fc.Arbitrary<ChallengeGoal> = fc.oneof(
  fc.record({ kind: fc.constant('output-equals' as const), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0) /* JSON has no −0 */, tolerance: fc.double({ min: 1e-6, max: 10, noNaN: true }) }),
  fc.constant({ kind: 'predict-leaf-grads' as const }),
  fc.constant({ kind: 'within-budget' as const }),
);

const challengeArb: fc.Arbitrary<Challenge> = fc.record({
  title: fc.string({ minLength: 1, maxLength: 60 }).filter((t) => t.trim() === t && t.length > 0),
  goals: fc.array(goalArb, { minLength: 1, maxLength: 3 }),
  palette: fc.uniqueArray(fc.constantFrom('value', 'add', 'mul', 'tanh', 'exp', 'neuron'), { maxLength: 6 }),
  hidden: fc.uniqueArray(fc.constantFrom(...HIDDEN_CONTROLS)),
  budget: fc.integer({ min: 1, max: 500 }),
  hints: fc.array(fc.string({ minLength: 1, maxLength: 200 }).filter((t) => t.trim() === t && t.length > 0), { maxLength: 3 }),
  start: fc.constantFrom(...PRESETS.slice(0, 6)).map((p) => p.build()),
});

function comparable(c: Challenge) {
  return { ...c, start: toGraphFile(c.start) };
}

describe('challenge links', () => {
  it('round-trip: the link opens the same challenge, and a shared-back answer with it', async () => {
    await fc.assert(
      fc.asyncProperty(challengeArb, fc.dictionary(fc.constantFrom('grad-1', 'grad-2', 'grad-3'), fc.string({ maxLength: 40 })), fc.nat({ max: 3 }), async (challenge, predictions, hintsUsed) => {
        const hash = await encodeChallengeHash(challenge);
        expect(isChallengeHash(hash)).toBe(true);
        const read = await decodeChallengeHash(hash);
        if (!read.ok) throw new Error(read.reason);
        expect(comparable(read.challenge)).toEqual(comparable(challenge));
        expect(read.answer).toBeNull();

        const back = await decodeChallengeHash(await encodeChallengeHash(challenge, { doc: challenge.start, predictions, hintsUsed }));
        if (!back.ok) throw new Error(back.reason);
        expect(comparable(back.challenge)).toEqual(comparable(challenge));
        expect(back.answer && { ...back.answer, doc: toGraphFile(back.answer.doc) }).toEqual({ doc: toGraphFile(challenge.start), predictions, hintsUsed });
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a link changed anywhere in its payload, with a reason, never throwing', async () => {
    const challenge: Challenge = { title: 'Make L zero', goals: [{ kind: 'output-equals', value: 0, tolerance: 0.001 }], palette: [], hidden: [], budget: 7, hints: [], start: PRESETS[0]!.build() };
    const hash = await encodeChallengeHash(challenge);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: hash.length - 1 }), fc.constantFrom(...alphabet), async (at, char) => {
        fc.pre(hash[at] !== char);
        const tampered = hash.slice(0, at) + char + hash.slice(at + 1);
        const read = await decodeChallengeHash(tampered);
        // A change deflate's checksum cannot see must still give a challenge that passes the schema.
        if (read.ok) expect(read.challenge.title.length).toBeGreaterThan(0);
        else expect(read.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 60 },
    );
    // Cut short, or with a character base64url does not have.
    expect(await refusal(hash.slice(0, hash.length - 9))).toMatch(/damaged|base64url/);
    expect(await refusal(`${hash.slice(0, 20)}*${hash.slice(21)}`)).toMatch(/base64url/);
    expect(await refusal('#c=')).toMatch(/base64url/);
  });

  it('refuses well-formed links whose content is wrong, naming the problem', async () => {
    const good = JSON.parse(challengeText({ title: 'T', goals: [{ kind: 'within-budget' }], palette: [], hidden: [], budget: 3, hints: [], start: PRESETS[0]!.build() })) as Record<string, unknown>;
    expect(await refusal(await hashOf('not json'))).toMatch(/not JSON/);
    expect(await refusal(await hashOf(JSON.stringify({ ...good, format: 'something-else' })))).toMatch(/not a challenge/);
    expect(await refusal(await hashOf(JSON.stringify({ ...good, version: 2 })))).toMatch(/newer version/);
    expect(await refusal(await hashOf(JSON.stringify({ ...good, budget: 0 })))).toMatch(/at least 1/);
    expect(await refusal(await hashOf(JSON.stringify({ ...good, budget: null })))).toMatch(/budget/);
    expect(await refusal(await hashOf(JSON.stringify({ ...good, goals: [{ kind: 'run-this-code', code: 'alert(1)' }] })))).toMatch(/goals/);
    expect(await refusal(await hashOf(JSON.stringify({ ...good, start: { format: 'micrograd-playground/graph', version: 1, nodes: 'x' } })))).toMatch(/starting graph/);
    expect(await refusal(await hashOf(JSON.stringify({ ...good, answer: { graph: {}, predictions: {}, hintsUsed: 0 } })))).toMatch(/answer’s graph/);
    expect(await refusal(await hashOf(JSON.stringify({ ...good, hidden: ['everything'] })))).toMatch(/hidden/);
    expect(await refusal('#g=abc')).toMatch(/no challenge/);
  });

  it('keeps a label that looks like markup as plain text', () => {
    const start = PRESETS[0]!.build();
    const first = Object.values(start.nodes).find((n) => n.kind === 'value')!;
    if (first.kind === 'value') first.label = '<img src=x onerror=alert(1)>';
    const read = parseChallengeText(challengeText({ title: '<script>alert(1)</script>', goals: [{ kind: 'within-budget' }], palette: [], hidden: [], budget: 9, hints: [], start }));
    // Either the label gate refuses it, or it comes back as the same inert string.
    if (read.ok) expect(read.challenge.title).toBe('<script>alert(1)</script>');
    else expect(read.reason).toMatch(/label/);
  });
});
