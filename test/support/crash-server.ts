/**
 * The server for the crash loop (test/crash/, bench/crash-loop.bench.ts): the real server in a
 * child process of its own, on the embedded PGlite in a data folder (what `npm run server` runs
 * by default) or on PostgreSQL, so that the loop can kill it with SIGKILL in the middle of a push.
 * Prints `{"origin": …, "enrolCode"?: …}` on one line once it listens; closes on SIGTERM or when
 * the loop is gone (`exitWhenTold`).
 *
 * Environment (never argv: the key is a secret): CRASH_SERVER_DATA (PGlite's folder) or
 * CRASH_SERVER_DB_URL (PostgreSQL), CRASH_BLOB_KEY (hex, the deployment's key: the tickets of the
 * test sessions are derived from it), CRASH_PORT (the same port at every start: the desk's server
 * address does not change).
 */
import { z } from 'zod';
import { buildServer } from '../../server/app';
import { openServerDb } from '../../server/db/open';
import { createEnrolCode } from '../../server/devices/enrol-codes';
import { exitWhenTold } from './child-service';

const env = z
  .object({
    CRASH_SERVER_DATA: z.string().min(1).optional(),
    CRASH_SERVER_DB_URL: z.string().startsWith('postgres').optional(),
    CRASH_BLOB_KEY: z.string().regex(/^[0-9a-f]{64}$/i),
    CRASH_PORT: z.coerce.number().int().min(1).max(65_535),
    /** `1` at the first start: make a one-time enrolment code for the loop's desk and print it. */
    CRASH_ENROL_CODE: z.enum(['0', '1']).default('0'),
  })
  .refine((value) => Boolean(value.CRASH_SERVER_DATA) !== Boolean(value.CRASH_SERVER_DB_URL), {
    message: 'exactly one of CRASH_SERVER_DATA and CRASH_SERVER_DB_URL',
  })
  .parse(process.env);

const db = await openServerDb(
  env.CRASH_SERVER_DB_URL ? { databaseUrl: env.CRASH_SERVER_DB_URL } : { dataDir: env.CRASH_SERVER_DATA },
);
const app = await buildServer({ db, rateLimit: false, blobKey: Buffer.from(env.CRASH_BLOB_KEY, 'hex') });
const origin = await app.listen({ host: '127.0.0.1', port: env.CRASH_PORT });
const enrolCode = env.CRASH_ENROL_CODE === '1' ? (await createEnrolCode(db, { now: new Date() })).code : undefined;
process.stdout.write(`${JSON.stringify({ origin, enrolCode })}\n`);
exitWhenTold(async () => {
  await app.close();
  await db.destroy();
});
