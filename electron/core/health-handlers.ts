import type { Handlers } from './handler-types';

/** Handlers: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthHandlers: Handlers<'health'> = {};
