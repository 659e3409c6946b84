import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/store/actor';
import { fixedActorContext } from '../../electron/core/fixed-actor-context';
import { publishDictionaryFile } from '../../electron/services/dictionaries/publish-release';
import { insertSyncedRow } from '../../electron/store/record-door';
import { SyncUnreachableError } from '../../electron/sync/sync-transport';
import { insurersCsv, ogrn } from '../electron/services/dictionaries/dictionary-fixtures';
import type { TempDesk } from '../support/temp-desk';
import { person } from './clinic-staff';
import { pendingOutbox, type SyncDesk } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const harness = useSyncServer();

/** The clinic's admin, whose account the first desk opened against the server made. */
function adminAt(desk: TempDesk): Actor {
  const row = desk.store.transaction((tx) =>
    tx.get<{ id: string; display_name: string }>(
      "SELECT id, display_name FROM staff WHERE kind = 'person' AND role = 'admin' AND active = 1",
    ),
  );
  if (!row) throw new Error('no admin on this desk');
  return person(desk, row.id, 'admin', row.display_name);
}

/** Publishes at `desk` as its admin (or `actor`); a first sync brings the clinic's admin account to the desk. */
async function publish(desk: SyncDesk, name: string, content: string, version: string, actor?: Actor) {
  await desk.sync();
  const path = join(desk.dir, name);
  writeFileSync(path, content);
  return publishDictionaryFile(
    fixedActorContext({ store: desk.store, clock: desk.ctx.clock, actor: adminOr(desk, actor) }),
    'insurers',
    path,
    { version },
  );
}

function adminOr(desk: TempDesk, actor: Actor | undefined): Actor {
  return actor ?? adminAt(desk);
}

/** The desk's releases of `version` (the server, and so its releases, outlive each test). */
function releaseState(desk: TempDesk, version: string) {
  return desk.store.transaction((tx) =>
    tx.all<{ name: string; dictionary_version: string; local_state: string; local_code: string | null }>(
      'SELECT name, dictionary_version, local_state, local_code FROM dictionary_releases WHERE dictionary_version = ? ORDER BY created_at',
      [version],
    ),
  );
}

const sha256 = (content: string) => createHash('sha256').update(content).digest('hex');
const entriesOf = (desk: TempDesk, version: string) =>
  desk.count('dictionary_entries', "dictionary = 'insurers' AND version = ?", [version]);
const fileKept = (desk: TempDesk, sha: string) =>
  desk.store.transaction((tx) => tx.get('SELECT 1 FROM dictionary_files WHERE sha256 = ?', [sha])) !== undefined;

const activeVersion = (desk: TempDesk) =>
  desk.store.transaction(
    (tx) =>
      tx.get<{ version: string }>("SELECT version FROM dictionaries WHERE name = 'insurers' AND active = 1")?.version ??
      null,
  );

/** An insurers' list of `count` good rows: over 1 MiB at 14,000, so it travels in several pieces. */
function bigInsurers(count: number): string {
  const lines = ['CODE;NAME;OKATO;OKTMO;OGRN;VALID_FROM;VALID_TO'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `${10000 + i};"ООО «Страховая медицинская организация номер ${i}» — филиал в регионе";45;45000000;${ogrn(String(102770000000 + i))};01.01.2011;`,
    );
  }
  return lines.join('\n');
}

describe('dictionaries distributed by sync (item 10)', () => {
  it('an insurers list an admin publishes at desk A is imported at desk B and searchable there', async () => {
    const a = await harness.openDesk('dict-a');
    const b = await harness.openDesk('dict-b');
    const published = await publish(a, 'smo.csv', insurersCsv(), '2026-11-01');
    expect(published).toMatchObject({ release: { status: 'published' }, outcome: { status: 'imported', rows: 2 } });
    expect(releaseState(a, '2026-11-01')).toEqual([
      { name: 'insurers', dictionary_version: '2026-11-01', local_state: 'imported', local_code: null },
    ]);

    await a.sync();
    expect(pendingOutbox(a)).toBe(0);
    await b.sync();

    expect(releaseState(b, '2026-11-01')).toEqual([
      { name: 'insurers', dictionary_version: '2026-11-01', local_state: 'imported', local_code: null },
    ]);
    expect(await b.dispatch('dictionaries.search', { name: 'insurers', query: 'ао' })).toMatchObject({
      ok: true,
      data: { items: [{ code: '50002', name: 'АО «Пример-Мед»', retired: false }] },
    });
    expect(await b.dispatch('dictionaries.get', { name: 'insurers', code: '45001' })).toMatchObject({
      ok: true,
      data: { item: { code: '45001' } },
    });
    // Imported at B by its sync worker, recorded with the release and who published it.
    const event = b.store.transaction((tx) =>
      tx.get<{ details: string }>("SELECT details FROM audit_events WHERE action = 'dictionaries.import'"),
    );
    expect(JSON.parse(event!.details)).toMatchObject({
      name: 'insurers',
      version: '2026-11-01',
      rows: 2,
      release: published.release.id,
      publishedBy: adminAt(a).staffId,
    });

    // Publishing the same file again adds nothing; B's next sync has nothing to do.
    expect(await publish(a, 'smo.csv', insurersCsv(), '2026-11-01')).toMatchObject({
      release: { id: published.release.id, status: 'already_published' },
    });
    await a.sync();
    await b.sync();
    expect(releaseState(b, '2026-11-01')).toHaveLength(1);
  });

  it('refuses a file that arrives other than the release names it: nothing imported, nothing kept', async () => {
    const a = await harness.openDesk('tamper-a');
    const b = await harness.openDesk('tamper-b');
    const content = insurersCsv().replace('Пример-Мед', 'Пример-Мед-2');
    await publish(a, 'smo.csv', content, '2026-12-01');
    await a.sync();
    const fetch = b.transport.getBlob;
    b.transport.getBlob = async (sha256, from, to) => {
      const piece = await fetch(sha256, from, to);
      const at = piece.length - 3;
      piece.writeUInt8(piece.readUInt8(at) ^ 0x01, at);
      return piece;
    };
    await b.sync();
    expect(releaseState(b, '2026-12-01')).toEqual([
      {
        name: 'insurers',
        dictionary_version: '2026-12-01',
        local_state: 'failed',
        local_code: 'dictionary.release.hash_mismatch',
      },
    ]);
    expect(activeVersion(b)).not.toBe('2026-12-01');
    expect(entriesOf(b, '2026-12-01')).toBe(0);
    expect(fileKept(b, sha256(content))).toBe(false);
  });

  it('resumes a download cut midway from the pieces it kept, and imports the whole list once', async () => {
    const a = await harness.openDesk('resume-a');
    const b = await harness.openDesk('resume-b');
    const content = bigInsurers(14_000);
    expect(Buffer.byteLength(content)).toBeGreaterThan(2 * 1024 * 1024);
    await publish(a, 'smo-big.csv', content, '2027-01-01');
    await a.sync();

    const asked: number[] = [];
    const fetch = b.transport.getBlob;
    b.transport.getBlob = (sha, from, to) => {
      if (sha === sha256(content)) asked.push(from);
      if (asked.length === 2) b.transport.fault = 'down';
      return fetch(sha, from, to);
    };
    await expect(b.sync()).rejects.toBeInstanceOf(SyncUnreachableError);
    expect(releaseState(b, '2027-01-01')[0]).toMatchObject({ local_state: 'pending' });
    expect(b.count('dictionary_file_chunks', 'sha256 = ?', [sha256(content)])).toBe(1);
    expect(activeVersion(b)).not.toBe('2027-01-01');

    b.transport.fault = 'none';
    await b.sync();
    expect(releaseState(b, '2027-01-01')[0]).toMatchObject({ local_state: 'imported', local_code: null });
    expect(activeVersion(b)).toBe('2027-01-01');
    expect(entriesOf(b, '2027-01-01')).toBe(14_000);
    // The second sync started after the first megabyte, not from the beginning.
    expect(asked.filter((from) => from === 0)).toHaveLength(1);
  });

  it('takes a release only from an admin: a clerk is refused locally, and by the server if a desk sends one anyway', async () => {
    const a = await harness.openDesk('clerk-a');
    await expect(publish(a, 'smo.csv', insurersCsv(), '2026-11-02', a.ctx.actor)).rejects.toMatchObject({
      code: 'forbidden',
    });
    a.store.transaction((tx) =>
      insertSyncedRow({ tx, actor: a.ctx.actor, at: a.ctx.clock.now().toISOString() }, 'dictionary_releases', {
        kind: 'insurers',
        name: 'insurers',
        dictionary_version: '2026-11-03',
        source_name: 'forged.csv',
        source_sha256: 'a'.repeat(64),
        source_bytes: 10,
        row_count: 1,
        refused_count: 0,
      }),
    );
    await a.sync();
    const refused = a.store.transaction((tx) =>
      tx.all<{ refused_code: string }>("SELECT refused_code FROM sync_outbox WHERE table_name = 'dictionary_releases'"),
    );
    expect(refused.map((row) => row.refused_code)).toEqual(['sync.actor_forbidden']);
  });
});
