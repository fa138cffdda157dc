/**
 * A phone-sized window, as the CSS's 640px breakpoint (App.css, Palette.css, SidePanel.css) sees
 * it: there the palette and the side panel are drawers over the canvas, not columns beside it.
 */
export function onPhone(): boolean {
  return window.matchMedia('(max-width: 640px)').matches;
}
