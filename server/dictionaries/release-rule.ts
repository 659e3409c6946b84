import type { Knex } from 'knex';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import type { ErrorCode } from '../../shared/errors/catalog';
import { refusal, type RuleScope, type TableRule } from '../sync/table-rules';

/**
 * Dictionary releases (electron/services/dictionaries/README.md): written once, never changed —
 * a new version is a new release — and taken only once their file is complete on the server, so
 * that no desk ever follows a release whose file it cannot fetch.
 */
async function refuseDictionaryRelease(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: unknown,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse = (code: ErrorCode, field?: string): MutationResult => refusal(mutation, code, field);
  if (current !== undefined) return refuse('sync.release_immutable');
  const sha256 = mutation.changed.source_sha256;
  if (typeof sha256 !== 'string') return refuse('sync.release_file_missing', 'source_sha256');
  const blob = await trx('blobs')
    .where({ clinic_id: scope.clinicId, sha256, complete: true })
    .first<{ received: unknown } | undefined>('received');
  if (!blob || Number(blob.received) !== mutation.changed.source_bytes) {
    return refuse('sync.release_file_missing', 'source_sha256');
  }
  return null;
}

/** Publishing a dictionary to every desk is an admin's (`settings.manage`), checked with the actor. */
export const dictionaryReleaseRule: TableRule = {
  table: 'dictionary_releases',
  permission: 'settings.manage',
  refuse: refuseDictionaryRelease,
};
