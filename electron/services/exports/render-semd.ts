import type { ClinicAddress, ExtractEntry, RecordExtract } from '../../../shared/exports/record-extract';
import { nsiOids } from '../../../shared/exports/code-systems';
import {
  extractTitle,
  kindHeadings,
  patientFullName,
  russianDay,
  snilsShown,
  visitTypeWords,
  withheldLines,
} from '../../../shared/exports/extract-words';
import { xmlText } from '../../../shared/exports/xml-text';
import type { Pace } from './pace';

/**
 * The clinic's OID root for the document's identifiers. A clinic registered in ФРМО has its own
 * (the `clinic.oid` setting, `1.2.643.5.1.13.13.12.2.…`); without one the documents carry this
 * placeholder root, which the XSD accepts but a receiving system will not recognise.
 */
export const placeholderClinicOid = '1.2.643.5.1.13.13.12.2.0.0';

const x = xmlText;
const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

/** An instant as a CDA `ts` in Moscow time (`20261125120000+0300`), a day as `20261125`. */
function ts(iso: string): string {
  if (iso.length <= 10) return iso.replace(/-/g, '');
  const moscow = new Date(Date.parse(iso) + 3 * 3_600_000).toISOString();
  return `${moscow.slice(0, 19).replace(/[-:T]/g, '')}+0300`;
}

const genderCodes = { male: { code: '1', name: 'Мужской' }, female: { code: '2', name: 'Женский' } } as const;
const positionOf = (role: string) =>
  role === 'doctor' ? { code: '109', name: 'Врач-терапевт' } : { code: '179', name: 'Медицинский регистратор' };

/** A person's name: the surname, the given name, the patronymic (`identity:Patronymic`, Russian extension). */
function nameXml(family: string, given: string | undefined, patronymic: string | null | undefined): string {
  return (
    `<name><family>${x(family)}</family><given>${x(given ?? '')}</given>` +
    (patronymic ? `<identity:Patronymic>${x(patronymic)}</identity:Patronymic>` : '') +
    `</name>`
  );
}

/** The custodian must give an address; without the `clinic.address` setting it says so in words. */
const unknownClinicAddress: ClinicAddress = {
  line: 'Адрес не указан в настройках рабочего места',
  regionCode: '77',
  regionName: 'г. Москва',
  postalCode: null,
};

function clinicAddressXml(address: ClinicAddress): string {
  return (
    `<streetAddressLine>${x(address.line)}</streetAddressLine>` +
    `<address:stateCode code="${x(address.regionCode)}" codeSystem="1.2.643.5.1.13.13.99.2.206" ` +
    `codeSystemName="Субъекты Российской Федерации" codeSystemVersion="6.3" displayName="${x(address.regionName)}"/>` +
    (address.postalCode ? `<postalCode>${x(address.postalCode)}</postalCode>` : '<postalCode nullFlavor="NI"/>') +
    '<fias:Address nullFlavor="NI"/>'
  );
}

function staffEntity(extract: RecordExtract, oid: string, role: string): string {
  const position = positionOf(role);
  const [family = extract.issuedBy.name, given, patronymic] = extract.issuedBy.name.split(/\s+/);
  return (
    `<id root="${oid}.100.1.1.70" extension="${x(extract.issuedBy.id)}"/>` +
    `<id root="${nsiOids.snils}" extension="00000000000"/>` +
    `<code code="${position.code}" codeSystem="1.2.643.5.1.13.13.11.1002" ` +
    `codeSystemName="Должности работников организаций медицинского и фармацевтического профиля" ` +
    `codeSystemVersion="9.6" displayName="${position.name}"/>` +
    `<assignedPerson>${nameXml(family, given, patronymic)}</assignedPerson>`
  );
}

function header(extract: RecordExtract, oid: string, documentNumber: string, role: string): string {
  const { patient } = extract;
  const gender = genderCodes[patient.sex];
  const passport = patient.passport
    ? `<identity:IdentityDoc><identity:IdentityCardType code="1" codeSystem="1.2.643.5.1.13.13.99.2.48" ` +
      `codeSystemName="Документы, удостоверяющие личность" codeSystemVersion="5.1" ` +
      `displayName="Паспорт гражданина Российской Федерации"/>` +
      `<identity:Series>${x(patient.passport.series ?? '')}</identity:Series>` +
      `<identity:Number>${x(patient.passport.number)}</identity:Number>` +
      `<identity:IssueOrgName>${x(patient.passport.issuer ?? '')}</identity:IssueOrgName>` +
      `<identity:IssueOrgCode nullFlavor="NI"/>` +
      (patient.passport.issueDate
        ? `<identity:IssueDate value="${ts(patient.passport.issueDate)}"/>`
        : `<identity:IssueDate nullFlavor="NI"/>`) +
      `</identity:IdentityDoc>`
    : `<identity:IdentityDoc nullFlavor="NI"/>`;
  const policy = patient.enp
    ? `<identity:InsurancePolicy><identity:InsurancePolicyType code="1" codeSystem="1.2.643.5.1.13.13.11.1035" ` +
      `codeSystemName="Виды полиса обязательного медицинского страхования" codeSystemVersion="1.1" ` +
      `displayName="Полис ОМС единого образца"/><identity:Number>${x(patient.enp)}</identity:Number>` +
      `</identity:InsurancePolicy>`
    : `<identity:InsurancePolicy nullFlavor="NI"/>`;
  const organisation =
    `<id root="${oid}"/><identity:Props nullFlavor="NI"/><name>${x(extract.clinic.name)}</name>` +
    `<telecom nullFlavor="NI"/><addr/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xmlns:identity="urn:hl7-ru:identity" xmlns:address="urn:hl7-ru:address" xmlns:fias="urn:hl7-ru:fias" ` +
    `xmlns:medService="urn:hl7-ru:medService">` +
    `<realmCode code="RU"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_MT000040"/>` +
    `<templateId root="1.2.643.5.1.13.13.14.58.1"/>` +
    `<id root="${oid}.100.1.1.51" extension="${documentNumber}"/>` +
    `<code code="58" codeSystem="${nsiOids.documentKinds}" codeSystemName="Виды медицинской документации" ` +
    `codeSystemVersion="7.24" displayName="${extractTitle}"/>` +
    `<title>${x(extractTitle)}</title>` +
    `<effectiveTime value="${ts(extract.issuedAt)}"/>` +
    `<confidentialityCode code="N" codeSystem="${nsiOids.confidentiality}" ` +
    `codeSystemName="Уровень конфиденциальности медицинского документа" codeSystemVersion="1.1" displayName="Обычный"/>` +
    `<languageCode code="ru-RU"/>` +
    `<setId root="${oid}.100.1.1.50" extension="${documentNumber}"/><versionNumber value="1"/>` +
    `<recordTarget><patientRole>` +
    `<id root="${oid}.100.1.1.10" extension="${x(patient.id)}"/>` +
    (patient.snils
      ? `<id root="${nsiOids.snils}" extension="${x(patient.snils)}"/>`
      : `<id root="${nsiOids.snils}" extension="00000000000"/>`) +
    passport +
    policy +
    `<addr nullFlavor="NI"/>` +
    `<patient>${nameXml(patient.surname, patient.name, patient.patronymic)}` +
    `<administrativeGenderCode code="${gender.code}" codeSystem="${nsiOids.gender}" codeSystemName="Пол пациента" ` +
    `codeSystemVersion="2.1" displayName="${gender.name}"/>` +
    `<birthTime value="${ts(patient.birthDate)}"/></patient>` +
    `<providerOrganization>${organisation}</providerOrganization>` +
    `</patientRole></recordTarget>` +
    `<author><time nullFlavor="NI"/><assignedAuthor>${staffEntity(extract, oid, role)}</assignedAuthor></author>` +
    `<custodian><assignedCustodian><representedCustodianOrganization classCode="ORG">` +
    `<id root="${oid}"/><name>${x(extract.clinic.name)}</name>` +
    `<addr>${clinicAddressXml(extract.clinic.address ?? unknownClinicAddress)}</addr>` +
    `</representedCustodianOrganization></assignedCustodian></custodian>` +
    `<informationRecipient><intendedRecipient><receivedOrganization>` +
    `<id root="1.2.643.5.1.13"/><name>Министерство здравоохранения Российской Федерации</name>` +
    `</receivedOrganization></intendedRecipient></informationRecipient>` +
    `<legalAuthenticator><time nullFlavor="NI"/><signatureCode nullFlavor="NI"/>` +
    `<assignedEntity>${staffEntity(extract, oid, role)}</assignedEntity></legalAuthenticator>` +
    `<documentationOf><serviceEvent><code code="1" codeSystem="1.2.643.5.1.13.13.99.2.726" ` +
    `codeSystemName="Типы документированных событий" codeSystemVersion="1.1" displayName="Выписка из медицинской карты"/>` +
    `<effectiveTime value="${ts(extract.issuedAt)}"/></serviceEvent></documentationOf>`
  );
}

/** The narrative row of one entry: date, kind, what it says. */
function entryRow(entry: ExtractEntry): string {
  const body = entry.body;
  const text =
    entry.kind === 'encounter'
      ? [
          `${visitTypeWords[str(body.visitType)] ?? ''} приём, ${str(body.department)}`,
          entry.doctor ? `врач ${entry.doctor.name}` : '',
          body.complaints ? `Жалобы: ${str(body.complaints)}` : '',
          body.examination ? `Осмотр: ${str(body.examination)}` : '',
          body.conclusion ? `Заключение: ${str(body.conclusion)}` : '',
        ]
          .filter(Boolean)
          .join('. ')
      : entry.summary;
  return `<tr><td>${russianDay(entry.occurredAt)}</td><td>${x(kindHeadings[entry.kind])}</td><td>${x(text)}</td></tr>`;
}

/** A coded entry for what НСИ codes: a diagnosis (МКБ-10) or a service (1070). */
function codedEntry(entry: ExtractEntry): string | null {
  const body = entry.body;
  const name = (
    entry.code && entry.summary.startsWith(entry.code) ? entry.summary.slice(entry.code.length) : entry.summary
  ).trim();
  if (entry.kind === 'diagnosis')
    return (
      `<entry><observation classCode="OBS" moodCode="EVN"><code code="6000" codeSystem="1.2.643.5.1.13.13.99.2.166" ` +
      `codeSystemName="Кодируемые поля CDA документов" codeSystemVersion="1.1" displayName="Диагноз"/>` +
      `<effectiveTime value="${ts(str(body.establishedOn))}"/>` +
      `<value xsi:type="CD" code="${x(str(body.icd10))}" codeSystem="${nsiOids.icd10}" ` +
      `codeSystemName="Международная классификация болезней и состояний, связанных со здоровьем 10 пересмотра" ` +
      `codeSystemVersion="2.27" displayName="${x(name || str(body.icd10))}"/></observation></entry>`
    );
  if (entry.kind === 'procedure')
    return (
      `<entry><observation classCode="OBS" moodCode="EVN"><code code="6004" codeSystem="1.2.643.5.1.13.13.99.2.166" ` +
      `codeSystemName="Кодируемые поля CDA документов" codeSystemVersion="1.1" displayName="Медицинская услуга"/>` +
      `<effectiveTime value="${ts(str(body.performedOn))}"/>` +
      `<value xsi:type="CD" code="${x(str(body.serviceCode))}" codeSystem="${nsiOids.services}" ` +
      `codeSystemName="Номенклатура медицинских услуг" codeSystemVersion="2.10" ` +
      `displayName="${x(name || str(body.serviceCode))}"/></observation></entry>`
    );
  return null;
}

function section(code: string, name: string, title: string, text: string, entries: string[]): string {
  return (
    `<component><section><code code="${code}" codeSystem="1.2.643.5.1.13.13.99.2.197" codeSystemName="Секции ЭМД" ` +
    `codeSystemVersion="1.60" displayName="${name}"/><title>${x(title)}</title><text>${text}</text>` +
    `${entries.join('')}</section></component>`
  );
}

/** A plain observation saying something in words (the document's own facts, the withheld notice). */
function textEntry(code: '6000' | '6004' | '6006', name: string, value: string): string {
  return (
    `<entry><observation classCode="OBS" moodCode="EVN"><code code="${code}" codeSystem="1.2.643.5.1.13.13.99.2.166" ` +
    `codeSystemName="Кодируемые поля CDA документов" codeSystemVersion="1.1" displayName="${name}"/>` +
    `<value xsi:type="ST">${x(value)}</value></observation></entry>`
  );
}

/**
 * The record as a СЭМД «Выписка из медицинской карты амбулаторного, стационарного больного»
 * (НСИ 1522, kind 58): HL7 CDA R2 valid against the official XSD set. Every text is XML-escaped.
 * The first section says who and what (and the withheld notice, F4); the second lists the
 * entries in a table, diagnoses and services coded (МКБ-10, НСИ 1070).
 */
export async function renderSemd(
  extract: RecordExtract,
  step: Pace,
  options: { documentNumber: string; role: string },
): Promise<Buffer> {
  const oid = extract.clinic.oid ?? placeholderClinicOid;
  const parts: string[] = [header(extract, oid, options.documentNumber, options.role)];
  const { patient } = extract;
  const notice = extract.withheld ? withheldLines(extract.withheld) : [];
  const about = [
    `Пациент: ${patientFullName(patient)}, дата рождения ${russianDay(patient.birthDate)}` +
      (patient.snils ? `, СНИЛС ${snilsShown(patient.snils)}` : ''),
    `${extract.clinic.name}; выдано ${russianDay(extract.issuedAt)}`,
    ...notice,
  ];
  parts.push('<component><structuredBody>');
  parts.push(
    section(
      'DOCINFO',
      'Сведения о документе',
      'Сведения о документе',
      about.map((line) => `<paragraph>${x(line)}</paragraph>`).join(''),
      [
        textEntry('6000', 'Сведения о пациенте', about[0] ?? ''),
        ...notice.map((line) => textEntry('6006', 'Сведения не включены в выписку', line)),
      ],
    ),
  );
  const rows: string[] = [];
  const coded: string[] = [];
  let done = 0;
  for (const entry of extract.entries) {
    rows.push(entryRow(entry));
    const item = codedEntry(entry);
    if (item) coded.push(item);
    done += 1;
    await step(done);
  }
  const table =
    rows.length === 0
      ? '<paragraph>Записей за выбранный период нет.</paragraph>'
      : `<table><thead><tr><th>Дата</th><th>Раздел</th><th>Сведения</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  if (coded.length === 0) coded.push(textEntry('6004', 'Записей', String(extract.entries.length)));
  parts.push(section('DOCINFO', 'Сведения из медицинской карты', 'Сведения из медицинской карты', table, coded));
  parts.push('</structuredBody></component></ClinicalDocument>\n');
  return Buffer.from(parts.join(''), 'utf8');
}
