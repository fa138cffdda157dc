/** Stars earned out of three, read by screen readers as "2 of 3 stars". */
export function Stars({ count }: { count: number }) {
  return (
    <span className="stars" role="img" aria-label={`${count} of 3 stars`} data-testid="stars" data-stars={count}>
      {[0, 1, 2].map((i) => (
        <span key={i} className={i < count ? 'stars__star is-earned' : 'stars__star'} aria-hidden="true">
          ★
        </span>
      ))}
    </span>
  );
}
