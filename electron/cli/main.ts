import { parseArgs } from 'node:util';
import { describeError } from '../../shared/errors/describe-error';
import { hostname } from 'node:os';
import type { Output } from './commands';
import { AppError } from '../../shared/errors/app-error';
import { secretLine } from '../host/passphrase-source';

// Each command's module is loaded when it runs (the export's PDF and FHIR libraries are not a
// backup's): a start of the CLI loads only what its command needs.
const commands = () => import('./commands');
const keyCommands = () => import('./key-command');
const backupCommands = () => import('./backup-command');

const usage = `medcard — Medcard Desk command line

  medcard init       [--db PATH]                          create the encrypted desk database
  medcard seed-demo  [--db PATH] --patients N [--seed S] [--as LOGIN]
                     [--charts [--dictionaries DIR] [--doctor LOGIN]]
                                                          enrol N deterministic synthetic patients (without
                                                          --as: only on a desk not connected to a server);
                                                          --charts: and their histories, written by demo
                                                          doctors (or --doctor, on a desk with a server),
                                                          coded from the МКБ-10 and ЕСКЛП imported first or
                                                          found in DIR
  medcard key protect [--db PATH]                         move a desk's clear key file (PATH.key) into the OS
                                                          keyring or under a passphrase, and delete the file
  medcard key recover [--db PATH]                         open a desk whose key is bound to hardware keys with
                                                          the recovery key (typed, or on stdin), keep the key as
                                                          before binding and delete the bound-keys file
  medcard verify     [--db PATH]                          integrity check + audit hash chain (exit 1 if broken)
  medcard enrol-desk [--db PATH] --server URL [--backup URL] [--name NAME]
                                                          connect the desk to the central sync server (https://;
                                                          the one-time code is asked, or read from stdin)
  medcard import dictionary NAME FILE… [--version V] [--as ADMIN] [--db PATH]
                                                          import a reference dictionary (icd10, insurers,
                                                          calendar-ru, formulary; medicines, services: a ФНСИ
                                                          JSON export's folder or files) in one transaction;
                                                          prints refused lines; --as an admin's login: publish
                                                          it to every desk by sync
  medcard import patients FILE.csv --as LOGIN [--report FILE] [--db PATH]
                                                          enrol a patient list (UTF-8, ';', header
                                                          surname;name;patronymic;birth_date;sex;snils;enp;inn;phone;email);
                                                          a re-run skips rows already imported
  medcard export --patient ID|--snils SNILS --format pdf|fhir|semd --out FILE --as LOGIN [--db PATH]
                                                          one patient's record as a file (PDF, FHIR R4 Bundle,
                                                          СЭМД CDA XML), audited with its SHA-256
  medcard backup     [--db PATH] [--out DIR]              an encrypted, verified backup of the database and its
                                                          scans (default DIR: PATH.backups), old ones rotated
  medcard restore FILE [--db PATH]                        restore a backup: verified first, the current database
                                                          kept as PATH.before-restore-TIME (desk closed)
  medcard restore-drill [--db PATH] [--out DIR]           restore the newest backup into a scratch place, verify
                                                          it and report what it holds (exit 1 if it fails)
  medcard yubikey-client --id N [--db PATH]               keep the desk's YK-VAL client (API key on stdin) for
                                                          YubiKey OTP sign-in through the sync server

The key: kept in the OS keyring (Secret Service, through secret-tool) where there is one, else
wrapped under a passphrase in PATH.wrapped-key (made by the first init; the passphrase is typed at
the terminal, read from the first line of stdin, or from MEDCARD_DB_PASSPHRASE_FILE — never an
argument). MEDCARD_DB_KEY (64 hex digits) is for tests and CI; MEDCARD_DB_KEY_FILE names a 0600 key
file on another medium. A clear key file beside the database is refused: medcard key protect. --as LOGIN: the desk's staff member in whose name the
command writes (active, with the right permission); the sync server refuses patient data
written as the desk's setup account. Without --db: $MEDCARD_HOME/desk.db or
~/.local/share/medcard-desk/desk.db.`;

const io: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(line),
};

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      patients: { type: 'string' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h' },
      server: { type: 'string' },
      backup: { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      version: { type: 'string' },
      id: { type: 'string' },
      report: { type: 'string' },
      as: { type: 'string' },
      charts: { type: 'boolean' },
      dictionaries: { type: 'string' },
      doctor: { type: 'string' },
      patient: { type: 'string' },
      snils: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (values.help || command === undefined) {
    io.out(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  switch (command) {
    case 'init':
      return (await commands()).init(values.db, io);
    case 'seed-demo': {
      const count = Number(values.patients);
      const seed = Number(values.seed);
      if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
        io.err('--patients takes a whole number from 1 to 10000000\n');
        return 2;
      }
      if (!Number.isInteger(seed)) {
        io.err('--seed takes a whole number\n');
        return 2;
      }
      const charts = values.charts ? { dictionaries: values.dictionaries, doctor: values.doctor } : undefined;
      return (await commands()).seedDemo(values.db, count, seed, values.as, io, charts);
    }
    case 'verify':
      return (await commands()).verify(values.db, io);
    case 'key':
      if (positionals.length !== 2 || (positionals[1] !== 'protect' && positionals[1] !== 'recover')) {
        io.err('usage: medcard key protect|recover [--db PATH]\n');
        return 2;
      }
      return positionals[1] === 'protect'
        ? (await keyCommands()).protectKeyCommand(values.db, io)
        : (await keyCommands()).recoverKeyCommand(values.db, io);
    case 'enrol-desk': {
      if (values.code !== undefined) throw new AppError('cli.enrol.code_on_stdin', { field: 'code' });
      const servers = [values.server, values.backup].filter((url): url is string => url !== undefined);
      if (servers.length === 0 || servers.some((url) => !URL.canParse(url))) {
        io.err('enrol-desk needs --server URL (and optionally --backup URL)\n');
        return 2;
      }
      return (await commands()).enrolDeskCommand(
        values.db,
        servers,
        () => secretLine('Enrolment code: '),
        values.name ?? hostname(),
        io,
      );
    }
    case 'import': {
      const [, what, kind, file, ...extra] = positionals;
      if (what === 'patients' && kind && !file)
        return (await import('./import-patients-command')).importPatientsCommand(
          values.db,
          kind,
          values.as,
          values.report,
          io,
        );
      if (what !== 'dictionary' || !kind || !file) {
        io.err(
          'usage: medcard import dictionary NAME FILE… [--version V] [--as ADMIN] [--db PATH]\n       medcard import patients FILE.csv --as LOGIN [--report FILE] [--db PATH]\n',
        );
        return 2;
      }
      return (await import('./import-dictionary-command')).importDictionaryCommand(
        values.db,
        kind,
        [file, ...extra],
        values.version,
        values.as,
        io,
      );
    }
    case 'export':
      return (await import('./export-command')).exportCommand(values.db, values, io);
    case 'backup':
      return (await backupCommands()).backupCommand(values.db, values.out, io);
    case 'restore':
      if (positionals.length !== 2) {
        io.err('usage: medcard restore FILE [--db PATH]\n');
        return 2;
      }
      return (await backupCommands()).restoreCommand(positionals[1]!, values.db, io);
    case 'restore-drill':
      return (await backupCommands()).restoreDrillCommand(values.db, values.out, io);
    case 'yubikey-client': {
      const { readStdin, yubikeyClientCommand } = await import('./yubikey-client-command');
      return yubikeyClientCommand(values.db, values.id, readStdin, io);
    }
    default:
      io.err(`Unknown command: ${command}\n\n${usage}\n`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    io.err(describeError(error));
    process.exit(1);
  },
);
