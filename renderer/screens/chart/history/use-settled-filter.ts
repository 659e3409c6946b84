import { useEffect, useState } from 'react';
import type { ChartFilter } from '../../../../shared/chart/chart-views';

/** How long typing in the search or diagnosis box rests before the history is asked again. */
const typingPauseMs = 250;

/**
 * The filter the history asks with: a pick (a date, a kind, a doctor) applies at once; typed text
 * applies when the typing pauses, so a word is one question, not one per letter.
 */
export function useSettledFilter(filter: ChartFilter): ChartFilter {
  const [settled, setSettled] = useState(filter);
  const typedOnly =
    JSON.stringify({ ...filter, text: '', diagnosis: '' }) === JSON.stringify({ ...settled, text: '', diagnosis: '' });
  useEffect(() => {
    if (!typedOnly) {
      setSettled(filter);
      return;
    }
    const timer = window.setTimeout(() => setSettled(filter), typingPauseMs);
    return () => window.clearTimeout(timer);
  }, [filter, typedOnly]);
  return typedOnly ? settled : filter;
}
