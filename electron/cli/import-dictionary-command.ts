import { basename } from 'node:path';
import { localize } from '../../shared/errors/catalog';
import { importDictionaryFile } from '../services/dictionaries/import-file';
import type { Output } from './commands';
import { openDesk } from './open-desk';

/** How many refused lines the summary lists one by one before it only counts the rest. */
const listedRefusals = 50;

/**
 * `medcard import dictionary NAME FILE [--version V]`. Whoever runs it holds the database key and
 * so controls the whole file already: the import is recorded as the desk's setup account acting
 * with the administrator's permission (`settings.manage`), which is what it exercises.
 */
export async function importDictionaryCommand(db: string | undefined, kind: string, path: string, version: string | undefined, io: Output): Promise<number> {
  const ctx = await openDesk({ db, create: false });
  try {
    const started = performance.now();
    const admin = { ...ctx, actor: { ...ctx.actor, role: 'admin' as const } };
    const { outcome, refused } = importDictionaryFile(admin, kind, path, {
      version,
      onProgress: ({ done, total }) => io.err(`\rrows: ${done} / ${total}`),
    });
    if (outcome.status === 'imported') io.err('\n');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(`Dictionary ${outcome.name}, version ${outcome.version}, from ${basename(path)}`);
    io.out(outcome.status === 'imported' ? `  imported and active${outcome.replaced ? ` (replaces version ${outcome.replaced})` : ''}` : '  already imported from this very file: nothing changed');
    io.out(`  rows accepted: ${outcome.rows}`);
    io.out(`  rows refused: ${refused.length}`);
    for (const row of refused.slice(0, listedRefusals)) {
      const text = localize(row.code, row.params);
      io.out(`    line ${row.line}: ${row.code} — ${text.en} / ${text.ru}`);
    }
    if (refused.length > listedRefusals) io.out(`    … and ${refused.length - listedRefusals} more`);
    io.out(`  time: ${seconds} s`);
    return 0;
  } finally {
    await ctx.store.close();
  }
}
