import { basename } from 'node:path';
import { localize } from '../../shared/errors/catalog';
import { importDictionaryFiles, type FileImportResult } from '../services/dictionaries/import-file';
import { publishDictionaryFile } from '../services/dictionaries/publish-release';
import { actingStaffWithProof, deskSyncs } from './acting-staff';
import type { Output } from './commands';
import { openDesk } from './open-desk';

/** How many refused lines the summary lists one by one before it only counts the rest. */
const listedRefusals = 50;

/**
 * `medcard import dictionary NAME FILE… [--version V] [--as ADMIN]`: one file, or for a ФНСИ JSON
 * export (`medicines`, `services`) its directory or its passport and parts.
 *
 * With `--as` an admin's login: imported here and published to every desk (a synced release, the
 * file uploaded by the sync worker; electron/services/dictionaries/README.md), in that admin's
 * name — the server takes a release only from an admin. Without it: imported on this desk only.
 * Whoever runs it holds the database key and so controls the whole file already: the local import
 * is recorded as the desk's setup account acting with the administrator's permission
 * (`settings.manage`), which is what it exercises; reference data, unlike patients, may well
 * stay on one desk.
 */
export async function importDictionaryCommand(
  db: string | undefined,
  kind: string,
  paths: readonly string[],
  version: string | undefined,
  as: string | undefined,
  io: Output,
): Promise<number> {
  const desk = await openDesk({ db, create: false });
  try {
    const started = performance.now();
    const onProgress = ({ done, total }: { done: number; total: number }) => io.err(`\rrows: ${done} / ${total}`);
    let result: FileImportResult;
    let published: string | null = null;
    if (as === undefined) {
      const admin = { ...desk, actor: { ...desk.actor, role: 'admin' as const } };
      result = importDictionaryFiles(admin, kind, paths, { version, onProgress });
    } else {
      const publication = publishDictionaryFile(await actingStaffWithProof(desk, as, 'settings.manage'), kind, paths, {
        version,
        onProgress,
      });
      result = publication;
      published =
        publication.release.status === 'published'
          ? `  published to every desk as release ${publication.release.id}${deskSyncs(desk) ? ' (the sync worker uploads it)' : ' (sent once this desk is connected to a server: medcard enrol-desk)'}`
          : `  already published as release ${publication.release.id}`;
    }
    const { outcome, refused } = result;
    if (outcome.status === 'imported') io.err('\n');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(
      `Dictionary ${outcome.name}, version ${outcome.version}, from ${paths.map((path) => basename(path)).join(', ')}`,
    );
    io.out(
      outcome.status === 'imported'
        ? `  imported and active${outcome.replaced ? ` (replaces version ${outcome.replaced})` : ''}`
        : '  already imported from this very file: nothing changed',
    );
    io.out(published ?? '  on this desk only: pass --as ADMIN (an admin’s login) to publish it to every desk');
    io.out(`  rows accepted: ${outcome.rows}`);
    io.out(`  rows refused: ${refused.length}`);
    for (const row of refused.slice(0, listedRefusals)) {
      const text = localize(row.code, row.params);
      const where = row.part === undefined ? `line ${row.line}` : `part ${row.part}, row ${row.line}`;
      io.out(`    ${where}: ${row.code} — ${text.en} / ${text.ru}`);
    }
    if (refused.length > listedRefusals) io.out(`    … and ${refused.length - listedRefusals} more`);
    io.out(`  time: ${seconds} s`);
    return 0;
  } finally {
    await desk.store.close();
  }
}
