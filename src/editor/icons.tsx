import './icons.css';
/**
 * The few toolbar icons, as inline SVG: no icon font to load (the build works offline), and no
 * glyph that a system font might lack.
 */
const PATHS: Record<string, string> = {
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'm15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
  tidy: 'M4 6h4v4H4zM4 14h4v4H4zM16 10h4v4h-4zM8 8h3a2 2 0 0 1 2 2v1.5M8 16h3a2 2 0 0 0 2-2v-1.5M13 12h3',
  fit: 'M4 9V5a1 1 0 0 1 1-1h4M15 4h4a1 1 0 0 1 1 1v4M20 15v4a1 1 0 0 1-1 1h-4M9 20H5a1 1 0 0 1-1-1v-4',
  theme: 'M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9z',
  help: 'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z',
  backward: 'M11 19 4 12l7-7M20 19l-7-7 7-7',
  step: 'M6 5v14M10 5l9 7-9 7z',
  zero: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16zM5 19 19 5',
  play: 'M7 4v16l13-8z',
  pause: 'M7 4h4v16H7zM13 4h4v16h-4z',
  skip: 'M5 4l10 8-10 8zM19 5v14',
  replay: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5',
  nudge: 'M12 19V5M5 12l7-7 7 7',
};

/** One icon by name, sized to the text around it. */
export function Icon({ name, size = 16 }: { name: keyof typeof PATHS | string; size?: number }) {
  const d = PATHS[name];
  if (!d) return null;
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}
