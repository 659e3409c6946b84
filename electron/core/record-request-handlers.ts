import type { Handlers } from './handler-types';

/** Patients' record requests at the desk (issue 14). */
export const recordRequestHandlers: Handlers<'recordRequests'> = {};
