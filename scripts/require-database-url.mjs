// `npm run test:postgres` runs the server and sync suites on a real PostgreSQL: it needs one.
if (!process.env.DATABASE_URL) {
  console.error(
    'DATABASE_URL is not set. Point it at a PostgreSQL where the tests may create databases, e.g.\n' +
      '  DATABASE_URL=postgres://medcard:medcard@127.0.0.1:5432/postgres npm run test:postgres\n' +
      '(`npm test` runs the same suites on the embedded PGlite.)',
  );
  process.exit(1);
}
