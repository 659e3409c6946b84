import type { Handlers } from './handler-types';

/** Restricted records and break-the-glass (issue 14). */
export const chartAccessHandlers: Handlers<'chartAccess'> = {};
