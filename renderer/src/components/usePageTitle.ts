import { useEffect } from 'react';

/**
 * Names the page in the window title (WCAG 2.4.2) and, after navigation, moves focus to the page's
 * main heading so screen-reader users hear where they are.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Ketenplanner`;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading && document.activeElement && document.activeElement !== document.body && !heading.contains(document.activeElement)) {
      const fromNavigation = document.activeElement.closest('nav');
      if (fromNavigation) {
        heading.tabIndex = -1;
        heading.focus();
      }
    }
  }, [title]);
}
