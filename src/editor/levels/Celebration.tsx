import './Celebration.css';

/** Sparks flying out from the solved badge: CSS only; under prefers-reduced-motion they fade in place. */
export function Celebration() {
  return (
    <span className="celebration" aria-hidden="true" data-testid="celebration">
      {Array.from({ length: 12 }, (_, i) => (
        <span key={i} className="celebration__spark" style={{ '--angle': `${i * 30}deg`, '--delay': `${(i % 3) * 40}ms` } as React.CSSProperties} />
      ))}
    </span>
  );
}
