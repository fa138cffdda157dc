import { useEffect, useState } from 'react';
import { prefersReducedMotion } from '../../renderers/reducedMotion';
import { playChime, soundOn } from './solveChime';
import './Celebration.css';

/**
 * Sparks flying out from the solved badge (CSS only), and the chime when the player turned sound
 * on. Mounted when a solve happens (`announce`), not when a solved level is shown again after a
 * reload. With prefers-reduced-motion, decided by the page's one helper, nothing flies.
 */
export function Celebration({ announce }: { announce: boolean }) {
  const [still] = useState(prefersReducedMotion);
  useEffect(() => {
    if (announce && soundOn()) playChime();
  }, [announce]);
  return (
    <span className="celebration" aria-hidden="true" data-testid="celebration" data-motion={still ? 'reduced' : 'full'}>
      {!still &&
        Array.from({ length: 12 }, (_, i) => (
          <span key={i} className="celebration__spark" style={{ '--angle': `${i * 30}deg`, '--delay': `${(i % 3) * 40}ms` } as React.CSSProperties} />
        ))}
    </span>
  );
}
