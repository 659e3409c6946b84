import type { CodeEntries } from '../code-entries';

/** Errors of the server's operations (issue 15): the local admin channel, server backups, metrics. */
export const serverOpsCodes = {} as const satisfies CodeEntries<'server_ops'>;
