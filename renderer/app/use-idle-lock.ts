import { useEffect, useRef } from 'react';

const activityEvents = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

/**
 * Locks the shared desk after `minutes` without keyboard, mouse or touch (A4), and on Ctrl+L at
 * once. The main process keeps its own idle count from the calls made; this one sees the person.
 */
export function useIdleLock(minutes: number, lock: () => void): void {
  const latestLock = useRef(lock);
  useEffect(() => {
    latestLock.current = lock;
  });

  useEffect(() => {
    let timer: number | undefined;
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latestLock.current(), minutes * 60_000);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // By the key's place, not its letter: Ctrl+L is Ctrl+Д on a Russian layout.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyL') {
        event.preventDefault();
        latestLock.current();
      }
    };
    restart();
    for (const name of activityEvents) window.addEventListener(name, restart, { capture: true, passive: true });
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, restart, { capture: true });
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [minutes]);
}
