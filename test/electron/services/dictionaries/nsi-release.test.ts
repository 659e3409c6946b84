import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDictionaryBytes } from '../../../../electron/services/dictionaries/import-file';
import { searchEntries } from '../../../../electron/services/dictionaries/lookup';
import { publishDictionaryFile } from '../../../../electron/services/dictionaries/publish-release';
import { fileContent } from '../../../../electron/store/local-writers/dictionary-files';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { medicinesOid, writeMedicinesExport } from './nsi-fixtures';

let publisher: TempDesk;
let follower: TempDesk;
beforeEach(async () => {
  publisher = await openTempDesk({ role: 'admin' });
  follower = await openTempDesk({ role: 'clerk' });
});
afterEach(async () => {
  await publisher.cleanup();
  await follower.cleanup();
});

describe('publishing a ФНСИ JSON export to every desk', () => {
  it('keeps the export as one bundle, the release names it, and another desk imports that bundle', () => {
    const files = writeMedicinesExport(join(publisher.dir, 'esklp'));
    const published = publishDictionaryFile(publisher.ctx, 'medicines', [files.dir]);
    expect(published).toMatchObject({
      outcome: { status: 'imported', name: 'medicines', version: '1.0', rows: 4 },
      release: { status: 'published' },
    });
    const release = publisher.store.read((tx) =>
      tx.get<{ kind: string; source_name: string; source_sha256: string; source_bytes: number; row_count: number }>(
        'SELECT kind, source_name, source_sha256, source_bytes, row_count FROM dictionary_releases WHERE id = ?',
        [published.release.id],
      ),
    )!;
    expect(release).toMatchObject({ kind: 'medicines', source_name: `${medicinesOid}_1.0.fnsi.json`, row_count: 4 });
    const blob = publisher.store.read((tx) => fileContent(tx, release.source_sha256));
    expect(blob.length).toBe(release.source_bytes);

    // What a following desk does with the downloaded blob (electron/sync/dictionary-releases.ts).
    const { outcome, refused } = importDictionaryBytes(follower.ctx, release.kind, blob, release.source_name, {
      version: '1.0',
      release: { id: published.release.id, publishedBy: null },
    });
    expect(outcome).toMatchObject({ status: 'imported', rows: 4, refused: 4 });
    expect(refused).toHaveLength(4);
    expect(searchEntries(follower.ctx, 'medicines', 'нпвп').map((entry) => entry.data.inn)).toEqual(['ИБУПРОФЕН']);

    // The same export again (its files listed this time) publishes nothing new.
    expect(publishDictionaryFile(publisher.ctx, 'medicines', [files.passport, ...files.parts]).release).toEqual({
      id: published.release.id,
      status: 'already_published',
    });
  });
});
