import { useEffect } from 'react';

/** How long a blurred control is watched for going away (about half a second). */
const WATCH_FRAMES = 30;

/**
 * Keeps keyboard users in place when the control they used goes away. Pressing "Show QR
 * code", "Cancel", "Try again" or "Save" often replaces that very button (the next step
 * renders instead), and the browser then drops focus to the page: the next Tab starts over
 * from the top. When the element that had focus leaves the page (or is disabled while the
 * app is busy) and nothing else took focus, focus goes back into the region it was in (the
 * closest `[data-focus-home]` still on the page, else the main content): to its
 * `[data-focus-target]`, else its first heading, else the region itself. A click
 * elsewhere, or leaving the window, keeps its element on the page and is left alone.
 */
export function useFocusRescue(): void {
  useEffect(() => {
    let homes: Element[] = [];
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      // Every region around it, innermost first: an inner one may leave with the button.
      homes = [];
      for (
        let home = target?.closest('[data-focus-home]');
        home;
        home = home.parentElement?.closest('[data-focus-home]')
      ) {
        homes.push(home);
      }
    };
    const onFocusOut = (event: FocusEvent) => {
      const lost = event.target;
      if (event.relatedTarget !== null || !(lost instanceof Element)) return;
      const regions = homes;
      // Disabled right now: the blur came from that. The busy spell may be over before the
      // first frame, the control enabled again with the focus already on the page.
      const disabledWhenLost = lost.matches(':disabled');
      // Over the next frames (the render that removes or disables it may come a little later).
      let frames = 0;
      const check = () => {
        const active = document.activeElement;
        if (active !== null && active !== document.body) return;
        if (lost.isConnected && !disabledWhenLost && !lost.matches(':disabled')) {
          if (++frames < WATCH_FRAMES) requestAnimationFrame(check);
          return;
        }
        const home = regions.find((region) => region.isConnected) ?? document.querySelector('main');
        if (home instanceof HTMLElement) focusInto(home);
      };
      requestAnimationFrame(check);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}

function focusInto(home: HTMLElement): void {
  // Its own target: one inside a region within it (the thread's mute choice) belongs to that region.
  const own = [...home.querySelectorAll<HTMLElement>('[data-focus-target]')].find(
    (candidate) => candidate.parentElement?.closest('[data-focus-home]') === home,
  );
  const target = own ?? home.querySelector<HTMLElement>('h1, h2, h3') ?? home;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}
