import { useEffect } from 'react';

/**
 * Ctrl+K (Cmd+K on a Mac) from anywhere in the window focuses `input` and selects its text, as in
 * most apps with one search box. The browser's own use of the keys is prevented.
 */
export function useFocusShortcut(input: HTMLInputElement | null, key = 'k'): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== key || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (!input) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input, key]);
}
