import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { ExtractEntry, RecordExtract } from '../../../shared/exports/record-extract';
import {
  extractTitle,
  kindHeadings,
  patientFullName,
  russianDay,
  sexWords,
  snilsShown,
  visitTypeWords,
  withheldLines,
} from '../../../shared/exports/extract-words';
import type { Pace } from './pace';

const regular = 'DejaVuSans.ttf';
const bold = 'DejaVuSans-Bold.ttf';

/**
 * The folder of the fonts: under the resources folder the host resolved, or — for the command
 * line and tests, which run from the source tree or its bundle — found beside the code.
 */
export function fontsDir(resourcesDir?: string): string {
  const candidates = [
    ...(resourcesDir ? [join(resourcesDir, 'fonts')] : []),
    fileURLToPath(new URL('../../../resources/fonts', import.meta.url)),
    fileURLToPath(new URL('../../resources/fonts', import.meta.url)),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, regular)));
  if (!found) throw new Error(`The export's fonts are missing (looked in ${candidates.join(', ')})`);
  return found;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));
const margin = 50;

/** One entry's rows: what a person reads of it, label then value. */
function entryRows(entry: ExtractEntry): [string, string][] {
  const body = entry.body;
  const rows: [string, string][] = [];
  const add = (label: string, value: unknown) => {
    const text = str(value).trim();
    if (text !== '' && text !== 'null') rows.push([label, text]);
  };
  switch (entry.kind) {
    case 'encounter':
      add('Вид приёма', visitTypeWords[str(body.visitType)] ?? body.visitType);
      add('Отделение', body.department);
      add('Врач', entry.doctor?.name);
      add('Жалобы', body.complaints);
      add('Анамнез', body.history);
      add('Осмотр', body.examination);
      add('Заключение', body.conclusion);
      break;
    case 'diagnosis':
      add('Диагноз (МКБ-10)', entry.summary);
      add('Установлен', russianDay(str(body.establishedOn)));
      add('Комментарий', body.comment);
      break;
    case 'procedure':
      add('Услуга', entry.summary);
      add('Дата', russianDay(str(body.performedOn)));
      add('Комментарий', body.comment);
      break;
    case 'prescription':
      add('Назначение', entry.summary);
      add('С', russianDay(str(body.startOn)));
      add('Дней', body.durationDays);
      add('Комментарий', body.comment);
      break;
    case 'allergy':
      add('Вещество', body.substance);
      add('Реакция', body.reaction);
      add('Отмечено', russianDay(str(body.notedOn)));
      break;
    case 'lab_result':
      add('Исследование', entry.summary);
      add('Дата', russianDay(str(body.takenOn)));
      add('Комментарий', body.comment);
      break;
    case 'document':
      add('Документ', body.title);
      add('Дата', russianDay(str(body.date)));
      add('Комментарий', body.comment);
      break;
  }
  return rows;
}

function heading(doc: Doc, root: Struct, type: 'H1' | 'H2', text: string): void {
  doc.font(bold).fontSize(type === 'H1' ? 15 : 12);
  root.add(doc.struct(type, {}, () => void doc.text(text, { width: doc.page.width - 2 * margin })));
  doc.font(regular).fontSize(10);
}

function paragraph(doc: Doc, root: Struct, text: string): void {
  root.add(doc.struct('P', {}, () => void doc.text(text, { width: doc.page.width - 2 * margin })));
}

/**
 * Writes one cell's text at (x, top) and answers where it ends. A text that fits its column is
 * written as one line, skipping pdfkit's word-by-word line wrapper (most cells of a record are
 * short: codes, dates, names) — pdfkit then leaves `y` where it was, so the end is one line down;
 * a longer text is wrapped to the column and ends where pdfkit leaves `y`.
 */
function cell(doc: Doc, text: string, x: number, top: number, width: number): number {
  if (!text.includes('\n') && doc.widthOfString(text) <= width) {
    doc.text(text, x, top, { width, lineBreak: false });
    return top + doc.currentLineHeight(true);
  }
  doc.text(text, x, top, { width });
  return doc.y;
}

const labelWidth = 120;
const gap = 10;

/**
 * Label–value rows as a tagged table (Table → TR → TH, TD): laid out by hand, each cell written
 * once where it stands (pdfkit's own table measures every cell again, too slow for 5,000 visits).
 */
function table(doc: Doc, root: Struct, rows: [string, string][]): void {
  if (rows.length === 0) return;
  const tableStruct = doc.struct('Table');
  root.add(tableStruct);
  const valueWidth = doc.page.width - 2 * margin - labelWidth - gap;
  for (const [label, value] of rows) {
    if (doc.y > doc.page.height - margin - 30) doc.addPage();
    const top = doc.y;
    const page = doc.page;
    const row = doc.struct('TR');
    tableStruct.add(row);
    let labelEnd = top;
    let valueEnd = top;
    row.add(
      doc.struct('TH', { title: label } as never, () => {
        labelEnd = cell(doc.font(bold), label, margin, top, labelWidth);
      }),
    );
    row.add(
      doc.struct('TD', {}, () => {
        valueEnd = cell(doc.font(regular), value, margin + labelWidth + gap, top, valueWidth);
      }),
    );
    row.end();
    // A long value may have flowed onto the next page: then its end is where the row ends.
    doc.x = margin;
    doc.y = (doc.page === page ? Math.max(labelEnd, valueEnd) : valueEnd) + 3;
  }
  tableStruct.end();
  doc.moveDown(0.5);
}

/** The running head and foot of every page: the clinic, the date of issue, «стр. N из M» (artifacts, not content). */
function pageMarks(doc: Doc, extract: RecordExtract): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const width = doc.page.width - 2 * margin;
    const bottom = doc.page.height - margin + 10;
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(regular).fontSize(8);
    doc.markContent('Artifact', { type: 'Pagination' } as never);
    doc.text(`${extract.clinic.name} · выдано ${russianDay(extract.issuedAt)}`, margin, 20, {
      width,
      lineBreak: false,
    });
    doc.text(`стр. ${index + 1} из ${range.count}`, margin, bottom, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = keep;
  }
}

/**
 * The record as a tagged PDF for people (and the desk's print): DejaVu Sans embedded for the
 * Cyrillic, a structure tree (H1, H2, P, Table), the title and language in the metadata, the
 * clinic, the date of issue and «стр. N из M» on every page, and the withheld notice (F4).
 */
export async function renderPdf(extract: RecordExtract, step: Pace, resourcesDir?: string): Promise<Buffer> {
  const fonts = fontsDir(resourcesDir);
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: `${extractTitle}: ${patientFullName(extract.patient)}`, Author: extract.clinic.name },
  } as PDFKit.PDFDocumentOptions);
  // Registered names only, never the constructor's `font` path: pdfkit caches a font under the
  // name it was first opened by, and a registered name whose font was first opened by its path
  // is parsed again at every `doc.font()` — seconds per hundred visits.
  doc.registerFont(regular, join(fonts, regular));
  doc.registerFont(bold, join(fonts, bold));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.font(regular).fontSize(10);
  doc.y = margin + 10;

  heading(doc, root, 'H1', extractTitle);
  paragraph(doc, root, extract.clinic.name);
  const { patient } = extract;
  const card: [string, string][] = [
    ['Пациент', patientFullName(patient)],
    ['Дата рождения', russianDay(patient.birthDate)],
    ['Пол', sexWords[patient.sex]],
  ];
  if (patient.snils) card.push(['СНИЛС', snilsShown(patient.snils)]);
  if (patient.enp) card.push(['Полис ОМС (ЕНП)', patient.enp]);
  if (patient.passport)
    card.push(['Паспорт', [patient.passport.series, patient.passport.number].filter(Boolean).join(' ')]);
  const period =
    extract.from || extract.to
      ? `${extract.from ? `с ${russianDay(extract.from)}` : ''} ${extract.to ? `по ${russianDay(extract.to)}` : ''}`.trim()
      : 'вся карта';
  card.push(['Период', period]);
  table(doc, root, card);
  if (extract.withheld) {
    heading(doc, root, 'H2', 'Сведения, не включённые в выписку');
    for (const line of withheldLines(extract.withheld)) paragraph(doc, root, line);
    doc.moveDown(0.5);
  }
  if (extract.entries.length === 0) paragraph(doc, root, 'Записей за выбранный период нет.');

  // An encounter is one heading and one table: its own fields, then a row per entry made in it.
  let done = 0;
  let open: { struct: Struct; rows: [string, string][] } | null = null;
  const flush = () => {
    if (open) table(doc, open.struct, open.rows);
    open = null;
  };
  for (const entry of extract.entries) {
    if (entry.kind === 'encounter' || entry.encounterId === null || !open) {
      flush();
      const title =
        entry.kind === 'encounter'
          ? `Приём ${russianDay(entry.occurredAt)}`
          : `${kindHeadings[entry.kind]}: ${russianDay(entry.occurredAt)}`;
      heading(doc, root, 'H2', title);
      open = { struct: root, rows: entryRows(entry) };
    } else {
      const rows: [string, string][] = open.rows;
      rows.push([kindHeadings[entry.kind], `${entry.summary} (${russianDay(entry.occurredAt)})`]);
    }
    done += 1;
    await step(done);
  }
  flush();
  paragraph(doc, root, `Выписку составил(а): ${extract.issuedBy.name}, ${russianDay(extract.issuedAt)}`);
  root.end();
  pageMarks(doc, extract);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
