import { createStore, type StoreApi } from 'zustand/vanilla';
import { z } from '../document/zod';
import { FILE_LIMITS } from '../document/file/fileFields';
import { evaluated, findLevel, runLevel, type LevelDef, type LevelRun } from '../levels';
import { CHALLENGE_LEVEL_ID, challengeLevel, challengeText, parseChallengeText, type Challenge, type SharedAnswer } from '../levels/challenge';
import type { Evaluated } from '../levels/types';
import type { GraphDoc } from '../document/types';
import { setupOf } from '../training/setup';
import { readItem, refusalText, type KeyValueStorage } from './keyValueStorage';
import { keepUnreadable } from './keptCopies';
import { madeAt, rememberMade } from './madeChallenges';
import { importProgress, readProgress, recordSolve, setUnlockAll, type LevelProgress } from './levelProgress';
import type { PlaygroundStore } from './store';
import type { WorkKeeper } from './workKeeper';

/** Where the level being played lives, so a reload goes on with it (and still knows the sandbox). */
export const SESSION_KEY = 'micrograd-playground/levels/session';

/** The level being played: what the player typed, the hints they opened, and the sandbox put aside. */
export interface LevelSession {
  levelId: string;
  predictions: Readonly<Record<string, string>>;
  /** What the player picked in the level's choices, by choice id. */
  choices: Readonly<Record<string, string>>;
  hintsUsed: number;
  /** A learning-rate budget's highest rate set since the level was (re)started (see PlayerInput). */
  highestRate?: number;
  /** The sandbox graph as saved-work text, brought back on leaving. */
  sandbox: string;
  /** A teacher's challenge being played (its JSON text), in place of a level from the map. */
  challenge?: string;
  /** True when the challenge was opened from a student's shared-back answer. */
  fromAnswer?: boolean;
  /** For an answer: when its challenge was made in this browser (absent: not made here, maybe altered). */
  madeHereAt?: number;
}

const sessionSchema = z.object({
  levelId: z.string(),
  predictions: z.record(z.string(), z.string().max(40)),
  // Sessions saved before levels had choices have none.
  choices: z.record(z.string(), z.string().max(80)).default({}),
  hintsUsed: z.number().int().nonnegative(),
  highestRate: z.number().finite().optional(),
  sandbox: z.string(),
  challenge: z.string().max(FILE_LIMITS.maxChars).optional(),
  fromAnswer: z.boolean().optional(),
  madeHereAt: z.number().finite().optional(),
});

/** The level side of the playground: progress, the level being played and its live result. */
export interface LevelPlayState {
  progress: LevelProgress;
  /** Why stored progress could not be read or written, for the map to say; null when fine. */
  progressProblem: string | null;
  session: LevelSession | null;
  /** The level being played (from the map, or a challenge's), null in the sandbox. */
  level: LevelDef | null;
  /** The level's checks against the graph now: a cache of `runLevel`, renewed on every change. */
  run: LevelRun | null;
  /** Opens a level over the sandbox (or over the level being played: the sandbox stays put aside). */
  play(levelId: string): boolean;
  /**
   * Opens a teacher's challenge like a level (the sandbox put aside); with a student's answer,
   * their graph and typed numbers are loaded and checked again here. Returns the checks' result,
   * or null when the sandbox could not be put aside.
   */
  playChallenge(challenge: Challenge, answer?: (SharedAnswer & { madeHereAt?: number | null }) | null): LevelRun | null;
  /** Remembers a challenge made here by its fingerprint, so an answer to it is recognised. */
  rememberMade(fingerprint: string): void;
  /** When the challenge with this fingerprint was made here, or null. */
  madeHereAt(fingerprint: string | null): number | null;
  /** Back to the sandbox, as it was. */
  leave(): void;
  /** The player typed into a prediction field. */
  type(predictionId: string, text: string): void;
  /** The player picked an option of a choice (a button, a slot, a node). */
  choose(choiceId: string, optionId: string): void;
  /** Opens the next hint (costs the no-hint star). */
  openHint(): void;
  unlockAll(on: boolean): void;
  /** Merges an exported progress file; a bad one is refused with the reason, progress untouched. */
  importProgress(text: string): { ok: true } | { ok: false; reason: string };
}

/** The level play of one tab, over its playground store, work keeper and storage. */
export type LevelPlay = StoreApi<LevelPlayState>;

/**
 * Starts level play. A session found in storage (the tab was reloaded mid-level) goes on; one
 * that cannot be read is kept as an unreadable copy (File → Recent can download it) and dropped.
 */
export function createLevelPlay(store: PlaygroundStore, keeper: WorkKeeper, storage: KeyValueStorage, now: () => number = Date.now): LevelPlay {
  const stored = readProgress(storage);
  let start: { level: LevelDef; evaluated: Evaluated } | null = null;
  let challengeCache: { text: string; level: LevelDef | null } | null = null;

  function levelOf(session: LevelSession | null): LevelDef | null {
    if (!session) return null;
    if (session.challenge === undefined) return findLevel(session.levelId) ?? null;
    // Read again through the gate (it may come from storage), once per challenge text.
    if (challengeCache?.text !== session.challenge) {
      const read = parseChallengeText(session.challenge);
      challengeCache = { text: session.challenge, level: read.ok ? challengeLevel(read.challenge) : null };
    }
    return challengeCache.level;
  }

  function startOf(level: LevelDef): Evaluated {
    if (start?.level !== level) start = { level, evaluated: evaluated(level.start()) };
    return start.evaluated;
  }

  function saveSession(session: LevelSession | null): string | null {
    try {
      if (session) storage.setItem(SESSION_KEY, JSON.stringify(session));
      else storage.removeItem(SESSION_KEY);
      return null;
    } catch (error) {
      return refusalText(error);
    }
  }

  /** Re-runs the checks against the graph now, and saves a result that beats the level's best. */
  function check(session: LevelSession | null): void {
    const level = levelOf(session);
    if (!level || !session) {
      levels.setState({ session: null, level: null, run: null });
      return;
    }
    const rate = level.budgetUnit === 'learning-rate' ? setupOf(store.getState().doc).lr : null;
    if (rate !== null && Number.isFinite(rate) && !(rate <= (session.highestRate ?? -Infinity))) {
      session = { ...session, highestRate: rate };
      saveSession(session);
    }
    const run = runLevel(level, store.getState().doc, session, startOf(level));
    levels.setState({ session, level, run });
    // A challenge is not on the map: its solve earns no map stars (progress only names map levels).
    if (session.challenge !== undefined) return;
    const best = levels.getState().progress.levels[level.id]?.stars ?? 0;
    if (run.solved && run.stars > best) {
      const written = recordSolve(storage, level.id, run.stars, now());
      levels.setState({ progress: written.progress, progressProblem: written.ok ? null : `Progress not saved: ${written.reason}.` });
    }
  }

  /**
   * Opens a session over the sandbox: the sandbox is put aside first (once: a level opened over
   * a level keeps the sandbox already put aside), then the graph is replaced.
   */
  function open(draft: LevelSession, doc: GraphDoc | null): LevelRun | null {
    const level = levelOf(draft);
    if (!level) return null;
    const session = { ...draft, sandbox: levels.getState().session?.sandbox ?? keeper.putAside() };
    const refused = saveSession(session);
    if (refused !== null) {
      store.getState().notify('error', `The level did not open: your sandbox graph could not be put aside (${refused}). Your graph is unchanged.`);
      return null;
    }
    const graph = doc ?? level.start();
    // Map levels are laid out fresh; a challenge keeps the teacher's (or the student's) arrangement.
    store.getState().loadDocument(graph, { layout: Object.keys(graph.nodes).length > 0 && draft.challenge === undefined });
    store.getState().setMode(level.mode);
    check(session);
    return levels.getState().run;
  }

  const levels: LevelPlay = createStore<LevelPlayState>()((set, get) => {
    function update(change: Partial<LevelSession>): void {
      const session = get().session;
      if (!session) return;
      const next = { ...session, ...change };
      saveSession(next);
      check(next);
    }

    return {
      progress: stored.progress,
      progressProblem: stored.problem === null ? null : `Saved level progress could not be read (${stored.problem}); it is kept aside and new stars start afresh.`,
      session: null,
      level: null,
      run: null,
      play(levelId) {
        const current = get().session;
        // Restart of a challenge: the same challenge again, from its start.
        if (levelId === CHALLENGE_LEVEL_ID && current?.challenge !== undefined) return open({ ...current, predictions: {}, choices: {}, hintsUsed: 0, fromAnswer: false }, null) !== null;
        if (!findLevel(levelId)) return false;
        return open({ levelId, predictions: {}, choices: {}, hintsUsed: 0, sandbox: '' }, null) !== null;
      },
      playChallenge(challenge, answer = null) {
        const session: LevelSession = { levelId: CHALLENGE_LEVEL_ID, predictions: answer?.predictions ?? {}, choices: {}, hintsUsed: answer?.hintsUsed ?? 0, sandbox: '', challenge: challengeText(challenge), fromAnswer: answer !== null };
        if (answer?.madeHereAt != null) session.madeHereAt = answer.madeHereAt;
        return open(session, answer?.doc ?? null);
      },
      rememberMade: (fingerprint) => void rememberMade(storage, fingerprint, now()),
      madeHereAt: (fingerprint) => (fingerprint === null ? null : madeAt(storage, fingerprint)),
      leave() {
        const session = get().session;
        if (!session) return;
        if (!keeper.bringBack(session.sandbox)) return;
        store.getState().setMode('build');
        saveSession(null);
        check(null);
      },
      type: (predictionId, text) => update({ predictions: { ...get().session?.predictions, [predictionId]: text.slice(0, 40) } }),
      choose: (choiceId, optionId) => update({ choices: { ...get().session?.choices, [choiceId]: optionId.slice(0, 80) } }),
      openHint() {
        const session = get().session;
        const level = levelOf(session);
        if (session && level && session.hintsUsed < level.hints.length) update({ hintsUsed: session.hintsUsed + 1 });
      },
      unlockAll(on) {
        const written = setUnlockAll(storage, on);
        set({ progress: written.progress, progressProblem: written.ok ? null : `Progress not saved: ${written.reason}.` });
      },
      importProgress(text) {
        const result = importProgress(storage, text);
        if (!result.ok) return { ok: false, reason: result.reason };
        set({ progress: result.progress, progressProblem: null });
        return { ok: true };
      },
    };
  });

  // Go on with a level the tab was playing before a reload.
  const raw = readItem(storage, SESSION_KEY);
  if (raw !== null) {
    const session = sessionSchema.safeParse(safeJson(raw));
    if (session.success && levelOf(session.data)) check(session.data);
    else {
      keepUnreadable(storage, raw, now());
      saveSession(null);
    }
  }
  // Live checks: every change of the graph re-runs them.
  store.subscribe((state, previous) => {
    if (state.doc !== previous.doc && levels.getState().session) check(levels.getState().session);
  });
  return levels;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
