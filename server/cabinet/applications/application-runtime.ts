import { hkdfSync } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import type { DeadlineSettings } from '../../../shared/domain/application';
import type { CabinetDeps } from '../cabinet-deps';
import type { CalendarSource } from './server-calendar';

/**
 * What the applications' server side needs beyond a database handle: the activation codes' key
 * (HKDF of the master key), the blobs' key (the calendar's files), the cabinet's address (links),
 * the deadline settings and a log. Desks' writes reach the table rule (application-rule.ts) and
 * the activation (activation-codes.ts) with only a transaction, so the cabinet installs these per
 * database once, as the one-time codes' key is (server/cabinet/accounts/one-time-codes.ts): a
 * transaction's client shares its parent's config object, which is the key of the map.
 */
export interface ApplicationRuntime {
  activationKey: Buffer;
  blobKey: Buffer;
  publicUrl: string;
  deadlines: DeadlineSettings;
  log: FastifyBaseLogger;
}

const runtimes = new WeakMap<object, ApplicationRuntime>();

function configOf(db: Knex): object {
  return db.client.config as object;
}

export function activationKeyOf(masterKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'medcard application activation codes v1', 32));
}

/** Called by every part that the cabinet composes with its deps (routes, desk routes, sweeper). */
export function installApplicationRuntime(deps: CabinetDeps, log: FastifyBaseLogger): ApplicationRuntime {
  const runtime: ApplicationRuntime = {
    activationKey: activationKeyOf(deps.masterKey),
    blobKey: deps.masterKey,
    publicUrl: deps.publicUrl,
    deadlines: deps.deadlines,
    log,
  };
  runtimes.set(configOf(deps.db), runtime);
  return runtime;
}

/** The runtime of the database `db` belongs to; undefined when the cabinet is not on. */
export function applicationRuntime(db: Knex): ApplicationRuntime | undefined {
  return runtimes.get(configOf(db));
}

export function calendarSource(db: Knex, runtime: ApplicationRuntime): CalendarSource {
  return { db, blobKey: runtime.blobKey, log: runtime.log };
}
