/** The time source services and the sync worker take as an argument, so that a test can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
