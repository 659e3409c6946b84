import type { FastifyBaseLogger } from 'fastify';

export interface PeriodicPass {
  /** Runs a pass now (after the one running, if any) and resolves when it is done. */
  kick(): Promise<void>;
  /** No pass starts after this; resolves when the running one has ended. */
  stop(): Promise<void>;
}

/**
 * The server's background sweeps (overdue applications, overdue record requests, appointment
 * reminders): `pass` runs at once and then every `intervalMs`, never two at a time; what a pass
 * reports (`logged`, when it answers non-null) is logged at info, a failure at warn and the next
 * pass tries again. The timer never keeps the process alive.
 */
export function startPeriodicPass<T>(options: {
  intervalMs: number;
  log: FastifyBaseLogger;
  pass: (stillRunning: () => boolean) => Promise<T>;
  /** What to log of a pass's result (null: nothing happened worth a line). */
  logged: (result: T) => Record<string, unknown> | null;
  done: string;
  failed: string;
}): PeriodicPass {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const kick = (): Promise<void> => {
    if (stopped) return running;
    running = running
      .then(() => options.pass(() => !stopped))
      .then((result) => {
        const line = options.logged(result);
        if (line !== null) options.log.info(line, options.done);
      })
      .catch((error: unknown) => options.log.warn({ err: error }, options.failed));
    return running;
  };
  void kick();
  const timer = setInterval(() => void kick(), options.intervalMs);
  timer.unref();
  return {
    kick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
