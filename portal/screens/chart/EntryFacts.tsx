import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Button from '@mui/material/Button';
import type { ChartEntryKind } from '../../../shared/chart/entry-kinds';
import {
  chartBodySchemas,
  type AllergyBody,
  type DiagnosisBody,
  type DocumentBody,
  type EncounterBody,
  type LabResultBody,
  type PrescriptionBody,
  type ProcedureBody,
} from '../../../shared/chart/drafts';
import { useClient } from '../../api/session';
import type { Language } from '../../i18n/language';
import { useTexts, type Translate } from '../../i18n/use-texts';
import { formatDay, formatInstant } from '../../ui/dates';
import { Facts, type Fact } from '../../ui/Facts';
import { statusWords } from './chart-words';

export interface EntryContent {
  kind: ChartEntryKind;
  code: string | null;
  summary: string;
  status: string | null;
  body: Record<string, unknown>;
}

/**
 * An entry's content in plain words by its kind (the body as the doctor wrote it, shared/chart/drafts.ts):
 * a visit's texts, a diagnosis's code and name, how to take a medicine, an allergy, a result against
 * its range, a document to download. A body that does not read as its kind shows its summary only.
 */
export function EntryFacts({ entry }: { entry: EntryContent }) {
  const { t, language } = useTexts();
  const client = useClient();
  const parsed = chartBodySchemas[entry.kind].safeParse(entry.body);
  if (!parsed.success) return <Facts facts={[{ label: t(`kinds.${entry.kind}`), value: entry.summary }]} />;
  const words = { t, language };
  const facts = factsOf(entry, parsed.data, words);
  const scanId = 'scanId' in parsed.data ? parsed.data.scanId : null;
  return (
    <>
      <Facts facts={facts} />
      {typeof scanId === 'string' ? (
        <Button
          component="a"
          href={client.chart.fileUrl(scanId)}
          download
          variant="outlined"
          startIcon={<DownloadOutlined />}
          sx={{ alignSelf: 'flex-start' }}
        >
          {t('entry.download')}
        </Button>
      ) : null}
    </>
  );
}

interface Words {
  t: Translate;
  language: Language;
}

type AnyBody =
  EncounterBody | DiagnosisBody | ProcedureBody | PrescriptionBody | AllergyBody | LabResultBody | DocumentBody;

function factsOf(entry: EntryContent, body: AnyBody, words: Words): Fact[] {
  switch (entry.kind) {
    case 'encounter':
      return encounterFacts(body as EncounterBody, words);
    case 'diagnosis':
      return diagnosisFacts(entry, body as DiagnosisBody, words);
    case 'procedure':
      return procedureFacts(entry, body as ProcedureBody, words);
    case 'prescription':
      return prescriptionFacts(entry, body as PrescriptionBody, words);
    case 'allergy':
      return allergyFacts(body as AllergyBody, words);
    case 'lab_result':
      return labFacts(body as LabResultBody, words);
    case 'document':
      return documentFacts(body as DocumentBody, words);
  }
}

function text(value: string, { t }: Words): string {
  return value.trim() === '' ? t('entry.none') : value;
}

function withComment(facts: Fact[], comment: string, { t }: Words): Fact[] {
  return comment.trim() ? [...facts, { label: t('entry.comment'), value: comment }] : facts;
}

function encounterFacts(body: EncounterBody, words: Words): Fact[] {
  const { t, language } = words;
  return [
    { label: t('cards.date'), value: formatInstant(body.at, language) },
    { label: t('entry.visitType'), value: t(`visitTypes.${body.visitType}`) },
    { label: t('entry.department'), value: body.department },
    { label: t('entry.complaints'), value: text(body.complaints, words) },
    { label: t('entry.history'), value: text(body.history, words) },
    { label: t('entry.examination'), value: text(body.examination, words) },
    { label: t('entry.conclusion'), value: text(body.conclusion, words) },
  ];
}

function diagnosisFacts(entry: EntryContent, body: DiagnosisBody, words: Words): Fact[] {
  const { t, language } = words;
  const facts: Fact[] = [
    { label: t('kinds.diagnosis'), value: entry.summary },
    { label: t('entry.code'), value: body.icd10 },
    { label: t('entry.role'), value: t(`entry.roles.${body.role}`) },
    { label: t('entry.status'), value: statusWords(t, body.status) ?? body.status },
    { label: t('entry.established'), value: formatDay(body.establishedOn, language) },
  ];
  if (body.resolvedOn) facts.push({ label: t('entry.resolvedOn'), value: formatDay(body.resolvedOn, language) });
  return withComment(facts, body.comment, words);
}

function procedureFacts(entry: EntryContent, body: ProcedureBody, words: Words): Fact[] {
  const { t, language } = words;
  return withComment(
    [
      { label: t('entry.service'), value: entry.summary },
      { label: t('entry.code'), value: body.serviceCode },
      { label: t('entry.performed'), value: formatDay(body.performedOn, language) },
    ],
    body.comment,
    words,
  );
}

function prescriptionFacts(entry: EntryContent, body: PrescriptionBody, words: Words): Fact[] {
  const { t, language } = words;
  const dose = t('entry.doseValue', {
    dose: body.dose.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB'),
    unit: t(`entry.units.${body.unit}`),
    times: body.timesPerDay,
  });
  const facts: Fact[] = [
    { label: t('entry.medicine'), value: entry.summary },
    { label: t('entry.dose'), value: dose },
    { label: t('entry.route'), value: t(`entry.routes.${body.route}`) },
    {
      label: t('entry.duration'),
      value:
        body.durationDays === null ? t('entry.untilStopped') : t('entry.durationDays', { count: body.durationDays }),
    },
    { label: t('entry.start'), value: formatDay(body.startOn, language) },
  ];
  if (body.stopOn) facts.push({ label: t('entry.stop'), value: formatDay(body.stopOn, language) });
  facts.push({ label: t('entry.status'), value: statusWords(t, body.status) ?? body.status });
  return withComment(facts, body.comment, words);
}

function allergyFacts(body: AllergyBody, words: Words): Fact[] {
  const { t, language } = words;
  const facts: Fact[] = [{ label: t('entry.substance'), value: body.substance }];
  if (body.atcClass) facts.push({ label: t('entry.atcClass'), value: body.atcClass });
  facts.push(
    { label: t('entry.reaction'), value: body.reaction },
    { label: t('entry.severity'), value: t(`entry.severities.${body.severity}`) },
    { label: t('entry.verification'), value: t(`entry.verifications.${body.verification}`) },
    { label: t('entry.status'), value: statusWords(t, body.status) ?? body.status },
    { label: t('entry.noted'), value: formatDay(body.notedOn, language) },
  );
  return facts;
}

function rangeOf(body: LabResultBody, { t }: Words): string {
  const unit = body.unit ? ` ${body.unit}` : '';
  const { referenceLow: low, referenceHigh: high } = body;
  if (low !== null && high !== null) return t('entry.rangeBoth', { low, high }) + unit;
  if (low !== null) return t('entry.rangeLow', { low }) + unit;
  if (high !== null) return t('entry.rangeHigh', { high }) + unit;
  return t('entry.rangeNone');
}

function labFacts(body: LabResultBody, words: Words): Fact[] {
  const { t, language } = words;
  const facts: Fact[] = [{ label: t('entry.test'), value: body.test }];
  if (body.testCode) facts.push({ label: t('entry.code'), value: body.testCode });
  facts.push(
    { label: t('entry.value'), value: `${body.value}${body.unit ? ` ${body.unit}` : ''}` },
    { label: t('entry.range'), value: rangeOf(body, words) },
  );
  if (body.flag) facts.push({ label: t('entry.flag'), value: statusWords(t, body.flag) ?? body.flag });
  facts.push({ label: t('entry.taken'), value: formatDay(body.takenOn, language) });
  return withComment(facts, body.comment, words);
}

function documentFacts(body: DocumentBody, words: Words): Fact[] {
  const { t, language } = words;
  return withComment(
    [
      { label: t('entry.documentTitle'), value: body.title },
      { label: t('entry.documentType'), value: t(`entry.documentTypes.${body.type}`) },
      { label: t('entry.documentDate'), value: formatDay(body.date, language) },
    ],
    body.comment,
    words,
  );
}
