import { useId, type ReactNode } from 'react';
import './panelParts.css';

interface PanelCardProps {
  /** The card's heading ("Gradient check"); also the section's accessible name. */
  title: string;
  /** What sits at the right of the heading: a summary pill, a formula, a count. */
  aside?: ReactNode;
  testId: string;
  children: ReactNode;
}

/**
 * A raised card in a side panel (Step leaves, Gradient check, Derivative explorer, Data): a
 * section named by its heading, with room beside the heading for a short summary. One
 * component so every card's head is built, named and styled alike.
 */
export function PanelCard({ title, aside, testId, children }: PanelCardProps) {
  const titleId = `${useId()}-title`;
  return (
    <section className="panel-card" aria-labelledby={titleId} data-testid={testId}>
      <header className="panel-card__head">
        <h3 className="panel-card__title" id={titleId}>
          {title}
        </h3>
        {aside}
      </header>
      {children}
    </section>
  );
}
