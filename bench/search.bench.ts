/**
 * `npm run bench`: the encrypted store at 1,000,000 patients (issue 2, item 13).
 * Bulk enrolment and search latency through the service layer (validation, audit event and
 * all — read events committed in groups as on the desk, audit-log.ts), the raw index lookup
 * beside it, and the same workload on an unencrypted file.
 * Never part of `npm test`. BENCH_PATIENTS=N for a smaller run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceContext } from '../electron/core/context';
import { createDispatcher } from '../electron/core/dispatcher';
import { openStore, type Store } from '../electron/store/open-store';
import { searchFold } from '../shared/domain/person-name';
import { fillPatients } from './lib/fill-patients';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';

const total = Number(process.env.BENCH_PATIENTS ?? 1_000_000);
const queriesPerKind = Number(process.env.BENCH_QUERIES ?? 3000);
const seed = 20261125;
/** Reads' audit events committed in groups as on the desk (BENCH_GROUPED=0: one commit per read, as before). */
const groupReadAudit = process.env.BENCH_GROUPED !== '0';

interface Probe {
  surnamePrefixes: string[];
  snils: string[];
  phones: string[];
}

function fill(store: Store, label: string): { ctx: ServiceContext; seconds: number; probe: Probe } {
  const probe: Probe = { surnamePrefixes: [], snils: [], phones: [] };
  const { ctx, seconds } = fillPatients(store, {
    total,
    seed,
    label,
    onDraft: (draft, done) => {
      if (done % 997 !== 0) return;
      probe.surnamePrefixes.push(searchFold(draft.surname).slice(0, 3 + (done % 3)));
      if (draft.snils) probe.snils.push(draft.snils);
      if (draft.phone) probe.phones.push(draft.phone);
    },
  });
  return { ctx, seconds, probe };
}

function pick<T>(items: T[], i: number): T {
  return items[(i * 7919) % items.length] as T;
}

async function measure(key: Buffer | null, label: string, dir: string) {
  const path = join(dir, `${label}.db`);
  const store = await openStore({ path, key, create: true, groupReadAudit });
  const { ctx, seconds, probe } = fill(store, label);
  const dispatch = createDispatcher(() => ctx);

  const service = async (kind: keyof Probe) => {
    const samples: number[] = [];
    for (let i = 0; i < queriesPerKind; i++) {
      const query = pick(probe[kind], i);
      const t = performance.now();
      const result = await dispatch('patients.search', { query, limit: 20 });
      samples.push(performance.now() - t);
      if (!result.ok || (result.data as { items: unknown[] }).items.length === 0)
        throw new Error(`no result for ${kind} ${query}`);
    }
    return summarize(samples);
  };

  const raw = (kind: keyof Probe) => {
    const sql = {
      surnamePrefixes:
        'SELECT id, surname FROM patients WHERE surname_fold >= ? AND surname_fold < ? ORDER BY surname_fold, name_fold, patronymic_fold, birth_date LIMIT 21',
      snils: 'SELECT id, surname FROM patients WHERE snils = ? AND ? IS NOT NULL LIMIT 21',
      phones: 'SELECT id, surname FROM patients WHERE phone = ? AND ? IS NOT NULL LIMIT 21',
    }[kind];
    const samples: number[] = [];
    store.transaction((tx) => {
      for (let i = 0; i < queriesPerKind; i++) {
        const value = pick(probe[kind], i);
        const t = performance.now();
        tx.all(sql, [value, kind === 'surnamePrefixes' ? `${value}\uffff` : value]);
        samples.push(performance.now() - t);
      }
    });
    return summarize(samples);
  };

  const results = {
    insert: { patients: total, seconds, perSecond: Math.round(total / seconds) },
    service: {
      surname: await service('surnamePrefixes'),
      snils: await service('snils'),
      phone: await service('phones'),
    },
    raw: { surname: raw('surnamePrefixes'), snils: raw('snils'), phone: raw('phones') },
    fileMiB: Math.round(statSync(path).size / 2 ** 20),
  };
  await store.close();
  return results;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'medcard-bench-'));
  try {
    const encrypted = await measure(randomBytes(32), 'encrypted', dir);
    const plain = await measure(null, 'plain', dir);
    const rows = (['surname', 'snils', 'phone'] as const).flatMap((kind) => [
      {
        search: `${kind} (service)`,
        'enc p50 ms': ms(encrypted.service[kind].p50),
        'enc p95 ms': ms(encrypted.service[kind].p95),
        'enc max ms': ms(encrypted.service[kind].max),
        'plain p95 ms': ms(plain.service[kind].p95),
        'enc/plain p95': (encrypted.service[kind].p95 / plain.service[kind].p95).toFixed(2),
      },
      {
        search: `${kind} (raw index)`,
        'enc p50 ms': ms(encrypted.raw[kind].p50),
        'enc p95 ms': ms(encrypted.raw[kind].p95),
        'enc max ms': ms(encrypted.raw[kind].max),
        'plain p95 ms': ms(plain.raw[kind].p95),
        'enc/plain p95': (encrypted.raw[kind].p95 / plain.raw[kind].p95).toFixed(2),
      },
    ]);
    process.stdout.write(
      `\nSearch over ${total} patients, ${queriesPerKind} queries each, read audit ${groupReadAudit ? 'grouped' : 'one commit per read'}\n`,
    );
    printTable(rows);
    process.stdout.write('\nBulk enrolment through the service layer (schema, door, audit event, outbox)\n');
    printTable([
      {
        store: 'encrypted',
        'patients/s': encrypted.insert.perSecond,
        seconds: encrypted.insert.seconds.toFixed(1),
        'file MiB': encrypted.fileMiB,
      },
      {
        store: 'plain',
        'patients/s': plain.insert.perSecond,
        seconds: plain.insert.seconds.toFixed(1),
        'file MiB': plain.fileMiB,
      },
      {
        store: 'enc/plain time',
        'patients/s': '',
        seconds: (encrypted.insert.seconds / plain.insert.seconds).toFixed(2),
        'file MiB': '',
      },
    ]);
    const path = writeResults('search', {
      machine: machine(),
      patients: total,
      queriesPerKind,
      groupReadAudit,
      encrypted,
      plain,
    });
    process.stdout.write(`\nJSON: ${path}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
