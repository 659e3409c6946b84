/**
 * One server instance in a process of its own, for `bench/sync-server.bench.ts` on PostgreSQL:
 * `BENCH_DB_URL` is the bench's scratch database, `BENCH_BLOB_KEY` (hex) the key every instance of
 * the deployment shares (the tickets of the bench's test sessions are derived from it). Prints
 * `{"origin": …}` on one line once listening; closes when its stdin ends (the bench exiting).
 */
import { openServerDb } from '../../server/db/open';
import { startTestServer } from '../../test/server/support/test-server';

const databaseUrl = process.env.BENCH_DB_URL;
const blobKey = Buffer.from(process.env.BENCH_BLOB_KEY ?? '', 'hex');
if (!databaseUrl || blobKey.length !== 32) throw new Error('BENCH_DB_URL and a 32-byte BENCH_BLOB_KEY are needed');

const db = await openServerDb({ databaseUrl });
const server = await startTestServer(db, { blobKey });
process.stdout.write(`${JSON.stringify({ origin: server.origin })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server
    .close()
    .then(() => db.destroy())
    .then(() => process.exit(0));
});
