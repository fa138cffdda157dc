/**
 * The optional sound of a solve: a short rising chime synthesized with Web Audio (two sine
 * notes with a quick fade), so no audio file is shipped. Off by default; the player's choice is
 * kept in localStorage. A browser without Web Audio, or one that refuses to start it, stays quiet.
 */

const SOUND_KEY = 'micrograd-levels-sound';

/** The player's choice, off unless they turned it on. */
export function soundOn(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Keeps the player's choice; a storage that refuses it just forgets it on reload. */
export function setSoundOn(on: boolean): void {
  try {
    if (on) localStorage.setItem(SOUND_KEY, 'on');
    else localStorage.removeItem(SOUND_KEY);
  } catch {
    // Private mode or a full storage: the choice lasts for this page only.
  }
}

let context: AudioContext | null = null;

/** Plays the chime: C6 then G6, 0.35 s in all. */
export function playChime(): void {
  if (typeof AudioContext !== 'function') return;
  try {
    context ??= new AudioContext();
    const ctx = context;
    void ctx.resume();
    [1046.5, 1568].forEach((frequency, i) => {
      const start = ctx.currentTime + i * 0.12;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.23);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.25);
    });
    // A mark per chime, so a test can tell it played without hearing it.
    performance.mark('playground:chime');
  } catch {
    // No sound is better than a broken solve.
  }
}
