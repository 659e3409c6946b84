import type { Knex } from 'knex';
import * as initial from './0001-initial';
import * as sync from './0002-sync';
import * as staffAuth from './0003-staff-auth';
import * as staffSync from './0004-staff-sync';
import * as scans from './0005-scans';
import * as dictionaries from './0006-dictionaries';
import * as patientMerge from './0007-patient-merge';
import * as patientImport from './0008-patient-import';
import * as identityDocuments from './0009-identity-documents';
import * as scanLinks from './0010-scan-links';
import * as consentsProxies from './0011-consents-proxies';
import * as onlineIdentity from './0012-online-identity';
import * as patientAddress from './0013-patient-address';
import * as dictionaryReleases from './0014-dictionary-releases';
import * as duplicateLookupIndex from './0015-duplicate-lookup-index';
import * as sessionProofs from './0016-session-proofs';
import * as staffAuthority from './0018-staff-authority';
import * as secondFactors from './0019-second-factors';
import * as applications from './0020-applications';
import * as onlineScans from './0021-online-scans';
import * as serverWrittenRows from './0022-server-written-rows';
import * as charts from './0023-charts';
import * as dictionaryWords from './0024-dictionary-words';
import * as appointments from './0025-appointments';
import * as specialistNames from './0026-specialist-names';
import * as patientRights from './0027-patient-rights';
import * as backups from './0028-backups';
import * as health from './0029-health';
import * as incidents from './0030-incidents';

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Migrations in order. Imported, not read from disk, so they work from a bundle too. */
const migrations: Migration[] = [
  { name: '0001-initial', ...initial },
  { name: '0002-sync', ...sync },
  { name: '0003-staff-auth', ...staffAuth },
  { name: '0004-staff-sync', ...staffSync },
  { name: '0005-scans', ...scans },
  { name: '0006-dictionaries', ...dictionaries },
  { name: '0007-patient-merge', ...patientMerge },
  { name: '0008-patient-import', ...patientImport },
  { name: '0009-identity-documents', ...identityDocuments },
  { name: '0010-scan-links', ...scanLinks },
  { name: '0011-consents-proxies', ...consentsProxies },
  { name: '0012-online-identity', ...onlineIdentity },
  { name: '0013-patient-address', ...patientAddress },
  { name: '0014-dictionary-releases', ...dictionaryReleases },
  { name: '0015-duplicate-lookup-index', ...duplicateLookupIndex },
  { name: '0016-session-proofs', ...sessionProofs },
  { name: '0018-staff-authority', ...staffAuthority },
  { name: '0019-second-factors', ...secondFactors },
  { name: '0020-applications', ...applications },
  { name: '0021-online-scans', ...onlineScans },
  { name: '0022-server-written-rows', ...serverWrittenRows },
  { name: '0023-charts', ...charts },
  { name: '0024-dictionary-words', ...dictionaryWords },
  { name: '0025-appointments', ...appointments },
  { name: '0026-specialist-names', ...specialistNames },
  { name: '0027-patient-rights', ...patientRights },
  { name: '0028-backups', ...backups },
  { name: '0029-health', ...health },
  { name: '0030-incidents', ...incidents },
];

export const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};
