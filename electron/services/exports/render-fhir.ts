import type { ExtractEntry, RecordExtract } from '../../../shared/exports/record-extract';
import {
  extractTitle,
  kindHeadings,
  patientFullName,
  russianDay,
  visitTypeWords,
  withheldLines,
} from '../../../shared/exports/extract-words';
import { xmlText } from '../../../shared/exports/xml-text';
import { fhirSystems } from '../../../shared/exports/code-systems';
import type { Pace } from './pace';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ reference: `urn:uuid:${id}` });
const narrative = (lines: string[]) => ({
  status: 'generated',
  div: `<div xmlns="http://www.w3.org/1999/xhtml">${lines.map((line) => `<p>${xmlText(line)}</p>`).join('')}</div>`,
});
/** A calendar day stays a day; an instant keeps its zone. */
const dateTime = (value: string) => value;
const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));
const codeName = (entry: ExtractEntry): string => {
  const code = entry.code ?? '';
  return entry.summary.startsWith(code) ? entry.summary.slice(code.length).trim() || code : entry.summary;
};
const noteOf = (text: unknown) => (typeof text === 'string' && text.trim() !== '' ? { note: [{ text }] } : {});

function patientResource(extract: RecordExtract): Json {
  const { patient } = extract;
  const identifier: Json[] = [];
  if (patient.snils) identifier.push({ system: fhirSystems.snils, value: patient.snils });
  if (patient.enp) identifier.push({ system: fhirSystems.oms, value: patient.enp });
  if (patient.passport) {
    const value = [patient.passport.series, patient.passport.number].filter(Boolean).join(' ');
    identifier.push({ system: fhirSystems.passport, value });
  }
  return {
    resourceType: 'Patient',
    id: patient.id,
    identifier,
    name: [
      {
        text: patientFullName(patient),
        family: patient.surname,
        given: [patient.name, ...(patient.patronymic ? [patient.patronymic] : [])],
      },
    ],
    gender: patient.sex,
    birthDate: patient.birthDate,
  };
}

const encounterClass: Record<string, string> = { home: 'HH', remote: 'VR' };

function entryResource(entry: ExtractEntry, patientId: string): Json {
  const body = entry.body;
  const subject = ref(patientId);
  const encounter = entry.encounterId ? { encounter: ref(entry.encounterId) } : {};
  const base = { id: entry.id };
  switch (entry.kind) {
    case 'encounter':
      return {
        resourceType: 'Encounter',
        ...base,
        text: narrative(
          [
            `${kindHeadings.encounter}: ${russianDay(entry.occurredAt)}, ${str(body.department)}`,
            `Жалобы: ${str(body.complaints)}`,
            `Анамнез: ${str(body.history)}`,
            `Осмотр: ${str(body.examination)}`,
            `Заключение: ${str(body.conclusion)}`,
          ].filter((line) => !line.endsWith(': ')),
        ),
        status: 'finished',
        class: {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
          code: encounterClass[str(body.visitType)] ?? 'AMB',
        },
        type: [{ text: visitTypeWords[str(body.visitType)] ?? str(body.visitType) }],
        serviceType: { text: str(body.department) },
        subject,
        ...(entry.doctor ? { participant: [{ individual: { display: entry.doctor.name } }] } : {}),
        period: { start: dateTime(entry.occurredAt) },
      };
    case 'diagnosis': {
      const status = str(body.status);
      return {
        resourceType: 'Condition',
        ...base,
        clinicalStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
              code: status === 'resolved' ? 'resolved' : status === 'ruled_out' ? 'inactive' : 'active',
            },
          ],
        },
        verificationStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
              code: status === 'ruled_out' ? 'refuted' : 'confirmed',
            },
          ],
        },
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' },
            ],
          },
        ],
        code: { coding: [{ system: fhirSystems.icd10, code: str(body.icd10), display: codeName(entry) }] },
        subject,
        ...encounter,
        onsetDateTime: str(body.establishedOn),
        ...(body.resolvedOn ? { abatementDateTime: str(body.resolvedOn) } : {}),
        ...noteOf(body.comment),
      };
    }
    case 'procedure':
      return {
        resourceType: 'Procedure',
        ...base,
        status: 'completed',
        code: { coding: [{ system: fhirSystems.services, code: str(body.serviceCode), display: codeName(entry) }] },
        subject,
        ...encounter,
        performedDateTime: str(body.performedOn),
        ...noteOf(body.comment),
      };
    case 'prescription':
      return {
        resourceType: 'MedicationRequest',
        ...base,
        status: str(body.status) || 'active',
        intent: 'order',
        medicationCodeableConcept: {
          coding: [{ system: fhirSystems.medicines, code: str(body.medicineCode) }],
          text: entry.summary,
        },
        subject,
        ...encounter,
        authoredOn: str(body.startOn),
        ...(entry.doctor ? { requester: { display: entry.doctor.name } } : {}),
        dosageInstruction: [
          {
            text: entry.summary,
            timing: {
              repeat: {
                frequency: Number(body.timesPerDay),
                period: 1,
                periodUnit: 'd',
                ...(body.durationDays ? { boundsDuration: { value: Number(body.durationDays), unit: 'сут' } } : {}),
              },
            },
            route: { text: str(body.route) },
            doseAndRate: [{ doseQuantity: { value: Number(body.dose), unit: str(body.unit) } }],
          },
        ],
        ...noteOf(body.comment),
      };
    case 'allergy':
      return {
        resourceType: 'AllergyIntolerance',
        ...base,
        clinicalStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
              code: str(body.status) === 'inactive' ? 'inactive' : 'active',
            },
          ],
        },
        verificationStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
              code: str(body.verification) === 'confirmed' ? 'confirmed' : 'unconfirmed',
            },
          ],
        },
        code: { text: str(body.substance) },
        patient: subject,
        recordedDate: str(body.notedOn),
        reaction: [
          {
            manifestation: [{ text: str(body.reaction) }],
            severity:
              str(body.severity) === 'mild' ? 'mild' : str(body.severity) === 'moderate' ? 'moderate' : 'severe',
          },
        ],
      };
    case 'lab_result': {
      const numeric = typeof body.value === 'number';
      const range =
        body.referenceLow !== null || body.referenceHigh !== null
          ? {
              referenceRange: [
                {
                  ...(typeof body.referenceLow === 'number'
                    ? { low: { value: body.referenceLow, unit: str(body.unit) } }
                    : {}),
                  ...(typeof body.referenceHigh === 'number'
                    ? { high: { value: body.referenceHigh, unit: str(body.unit) } }
                    : {}),
                },
              ],
            }
          : {};
      return {
        resourceType: 'Observation',
        ...base,
        status: 'final',
        code: {
          ...(body.testCode ? { coding: [{ system: fhirSystems.services, code: str(body.testCode) }] } : {}),
          text: str(body.test),
        },
        subject,
        ...encounter,
        effectiveDateTime: str(body.takenOn),
        ...(numeric
          ? { valueQuantity: { value: body.value, unit: str(body.unit) } }
          : { valueString: str(body.value) }),
        ...(numeric ? range : {}),
        ...noteOf(body.comment),
      };
    }
    case 'document':
      return {
        resourceType: 'DocumentReference',
        ...base,
        status: 'current',
        type: { text: str(body.type) },
        subject,
        date: `${str(body.date)}T00:00:00+03:00`,
        description: str(body.title),
        content: [{ attachment: { title: str(body.title), url: `urn:uuid:${str(body.scanId)}` } }],
      };
  }
}

function withheldResource(extract: RecordExtract, id: string): Json | null {
  if (!extract.withheld) return null;
  const lines = withheldLines(extract.withheld);
  return {
    resourceType: 'DocumentReference',
    id,
    text: narrative(lines),
    status: 'current',
    type: { text: 'Уведомление об ограничении доступа к сведениям' },
    subject: ref(extract.patient.id),
    date: extract.issuedAt,
    description: lines.join(' '),
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          title: 'Сведения не включены в выписку',
          data: Buffer.from(lines.join('\n'), 'utf8').toString('base64'),
        },
      },
    ],
  };
}

/**
 * The record as a FHIR R4 `collection` Bundle (HL7), written entry by entry: the Patient, each
 * chart entry as its resource, the withheld notice (a DocumentReference, F4) and a Provenance
 * naming the clinic and who issued the extract. Identifiers use the RuCore naming systems.
 */
export async function renderFhir(extract: RecordExtract, step: Pace, ids: () => string): Promise<Buffer> {
  const parts: string[] = [];
  const targets: string[] = [extract.patient.id];
  const fullEntry = (resource: Json) => JSON.stringify({ fullUrl: `urn:uuid:${str(resource.id)}`, resource });
  parts.push(fullEntry(patientResource(extract)));
  let done = 0;
  for (const entry of extract.entries) {
    parts.push(fullEntry(entryResource(entry, extract.patient.id)));
    targets.push(entry.id);
    done += 1;
    await step(done);
  }
  const notice = withheldResource(extract, ids());
  if (notice) {
    parts.push(fullEntry(notice));
    targets.push(str(notice.id));
  }
  const provenance = {
    resourceType: 'Provenance',
    id: ids(),
    text: narrative([
      `${extractTitle}: ${patientFullName(extract.patient)}`,
      `${extract.clinic.name}, ${russianDay(extract.issuedAt)}`,
      ...(extract.withheld ? withheldLines(extract.withheld) : []),
    ]),
    target: targets.map(ref),
    recorded: extract.issuedAt,
    agent: [{ who: { display: extract.issuedBy.name }, onBehalfOf: { display: extract.clinic.name } }],
  };
  parts.push(fullEntry(provenance));
  const head = JSON.stringify({
    resourceType: 'Bundle',
    id: ids(),
    meta: { lastUpdated: extract.issuedAt },
    type: 'collection',
    timestamp: extract.issuedAt,
  });
  return Buffer.from(`${head.slice(0, -1)},"entry":[${parts.join(',')}]}`, 'utf8');
}
