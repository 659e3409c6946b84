import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExportFlags, runExport } from '../../../../electron/cli/export-command';
import { validSnils } from '../../../support/fixtures';
import { useMedcardCli } from '../../../support/medcard-cli';
import { openExportDesk, validateBundle, type Bundle, type ExportDesk } from './export-fixtures';

const cli = useMedcardCli('medcard-export-');
let desk: ExportDesk;
const lines: string[] = [];
const io = { out: (line: string) => lines.push(line), err: () => undefined };

beforeAll(async () => {
  desk = await openExportDesk();
});
afterAll(async () => {
  await desk.cleanup();
});

describe('medcard export', () => {
  it('refuses bad flags each with its own code', () => {
    const base = { format: 'pdf', out: 'x.pdf', as: 'doctor' };
    const code = (flags: Parameters<typeof checkExportFlags>[0]) => {
      try {
        checkExportFlags(flags);
        return 'accepted';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code(base)).toBe('exports.cli.patient_or_snils');
    expect(code({ ...base, patient: 'a', snils: validSnils() })).toBe('exports.cli.patient_or_snils');
    expect(code({ ...base, snils: '12345' })).toBe('exports.cli.snils_format');
    expect(code({ ...base, patient: 'a', format: 'docx' })).toBe('exports.format_unknown');
    expect(code({ ...base, patient: 'a', out: undefined })).toBe('exports.cli.out_required');
    expect(code({ ...base, patient: 'a', as: undefined })).toBe('cli.as.required');
    expect(code({ ...base, snils: '112-233-445 95' })).toBe('accepted');
  });

  it('exports the patient found by СНИЛС into the file, and an unknown СНИЛС is refused', async () => {
    const out = join(desk.dir, 'record.fhir.json');
    const flags = checkExportFlags({ snils: validSnils(), format: 'fhir', out, as: 'doctor' });
    expect(await runExport(desk.ctx, flags, io)).toBe(0);
    validateBundle(JSON.parse(readFileSync(out, 'utf8')) as Bundle);
    expect(lines.join('\n')).toMatch(/sha256 [0-9a-f]{64}/);
    expect(lines.join('\n')).toContain('withheld (restricted): 1');
    const unknown = checkExportFlags({ snils: validSnils('998877665'), format: 'pdf', out, as: 'doctor' });
    await expect(runExport(desk.ctx, unknown, io)).rejects.toMatchObject({ code: 'exports.patient_not_found' });
  });

  it('is registered on the command line: an unknown format is refused before the desk is opened', () => {
    const run = cli.run(['export', '--patient', 'p', '--format', 'docx', '--out', 'x', '--as', 'doctor']);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('exports.format_unknown');
  });
});
