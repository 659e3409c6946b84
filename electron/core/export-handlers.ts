import type { Handlers } from './handler-types';

/** Exports of a patient's record (issue 14). */
export const exportHandlers: Handlers<'exports'> = {};
