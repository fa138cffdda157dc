import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Gives focus back to what had it when a dialog opened (the `?` key's card, the Levels button),
 * once the dialog closes, so a keyboard user carries on where they were. When that element is
 * gone, the selected card takes it. Focus a person moved elsewhere themselves stays there.
 * Declare it before the effect that opens the dialog: it must see focus before the dialog takes it.
 */
export function useReturnFocus(open: boolean, dialog: RefObject<HTMLElement | null>): void {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    const back = opener.current;
    opener.current = null;
    if (!back) return;
    // After the dialog has closed (its own effect runs after this one).
    requestAnimationFrame(() => {
      const now = document.activeElement;
      const dropped = !now || now === document.body || !!dialog.current?.contains(now);
      if (!dropped) return;
      const target = back.isConnected && back !== document.body ? back : document.querySelector<HTMLElement>('.react-flow__node.selected');
      target?.focus({ preventScroll: true });
    });
  }, [open, dialog]);
}
