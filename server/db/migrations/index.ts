import type { Knex } from 'knex';
import * as initial from './0001-initial';
import * as yubikeys from './0002-yubikeys';
import * as portalIdentity from './0003-portal-identity';
import * as clinics from './0004-clinics';
import * as sessionProofs from './0005-session-proofs';
import * as secondFactors from './0006-second-factors';
import * as audit from './0007-audit';
import * as cabinetAccounts from './0008-cabinet-accounts';
import * as applications from './0009-applications';
import * as notifications from './0010-notifications';
import * as charts from './0011-charts';
import * as appointments from './0012-appointments';
import * as appointmentNotices from './0013-appointment-notices';
import * as patientRights from './0014-patient-rights';
import * as operations from './0015-operations';
import * as incidents from './0016-incidents';

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Migrations in order. Imported, not read from disk, so they work from a bundle too. */
const migrations: Migration[] = [
  { name: '0001-initial', ...initial },
  { name: '0002-yubikeys', ...yubikeys },
  { name: '0003-portal-identity', ...portalIdentity },
  { name: '0004-clinics', ...clinics },
  { name: '0005-session-proofs', ...sessionProofs },
  { name: '0006-second-factors', ...secondFactors },
  { name: '0007-audit', ...audit },
  { name: '0008-cabinet-accounts', ...cabinetAccounts },
  { name: '0009-applications', ...applications },
  { name: '0010-notifications', ...notifications },
  { name: '0011-charts', ...charts },
  { name: '0012-appointments', ...appointments },
  { name: '0013-appointment-notices', ...appointmentNotices },
  { name: '0014-patient-rights', ...patientRights },
  { name: '0015-operations', ...operations },
  { name: '0016-incidents', ...incidents },
];

export const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};
