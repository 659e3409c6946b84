import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../../shared/errors/app-error';

/** How many entries a renderer writes between two looks at the clock of the event loop. */
const entriesPerTurn = 200;

/**
 * A renderer's pace: after each entry it reports progress and, every `entriesPerTurn` entries,
 * gives the event loop a turn (so a poll of the job and a cancel get through) and stops with
 * `exports.cancelled` once the signal is aborted.
 */
export interface Pace {
  (done: number): Promise<void> | void;
}

export function pace(total: number, progress?: (done: number, total: number) => void, signal?: AbortSignal): Pace {
  return (done) => {
    if (done % entriesPerTurn !== 0 && done !== total) return;
    progress?.(done, total);
    return nextTurn().then(() => {
      if (signal?.aborted) throw new AppError('exports.cancelled');
    });
  };
}
