import type { DenyReason } from '../../shared/domain/application';
import { formatRussianDate } from '../../shared/domain/calendar-date';
import { appointmentContents } from './appointment-templates';
import { recordRequestContents } from './record-request-templates';
import { escapeHtml, safeLink } from './html-text';
import { need, type Block, type Content, type MailAttachment, type Params, type RenderContext } from './template-parts';
import type { NotificationTemplate } from './notification-types';

/** A denial's reason in the patient's words, citing its clause (C4). */
const denyReasonWords: Record<DenyReason, string> = {
  no_identity: 'личность не подтверждена (порядок подтверждения личности, п. 3.2)',
  no_consent: 'нет действующего согласия на обработку персональных данных (152-ФЗ, ст. 9)',
  legal_restriction: 'доступ ограничен законом (323-ФЗ, ст. 22)',
  confidentiality: 'доступ нарушил бы врачебную тайну (323-ФЗ, ст. 13)',
};

/** A message ready for its channel. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
  /** Files for the e-mail (an appointment's `.ics`). */
  attachments?: MailAttachment[];
}

export { TemplateParamError } from './template-parts';

const moscowTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2026-12-10` → `10.12.2026`; an instant → `10.12.2026, 18:00 (мск)`; anything else as given. */
export function russianWhen(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatRussianDate(value);
  const instant = Date.parse(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(instant) ? `${moscowTime.format(instant)} (мск)` : value;
}

const codeWarning = 'Никому не сообщайте этот код, даже сотрудникам поликлиники.';

function codeMessage(subject: string, purpose: string, params: Params): Content {
  const code = need(params, 'code');
  return {
    subject,
    blocks: [`${purpose}: ${code}`, codeWarning],
    sms: `${purpose}: ${code}. ${codeWarning}`,
  };
}

const contents: Record<NotificationTemplate, (params: Params, context: RenderContext) => Content> = {
  email_confirm: (params) => ({
    subject: 'Подтвердите адрес электронной почты',
    blocks: [
      'Чтобы подтвердить адрес для личного кабинета пациента, откройте ссылку:',
      { label: 'Подтвердить адрес', link: need(params, 'link') },
      'Если вы не регистрировались в личном кабинете, просто удалите это письмо.',
    ],
    sms: `Подтвердите адрес: ${need(params, 'link')}`,
  }),
  register_existing: () => ({
    subject: 'Попытка регистрации с вашим адресом',
    blocks: [
      'Кто-то попытался зарегистрироваться в личном кабинете пациента с этим адресом, но кабинет с ним уже есть.',
      'Если это были вы, войдите в кабинет или восстановите пароль. Если нет, ничего делать не нужно.',
    ],
    sms: 'Попытка регистрации в личном кабинете с вашим номером: кабинет уже есть.',
  }),
  phone_code: (params) => codeMessage('Код подтверждения телефона', 'Код подтверждения телефона', params),
  sign_in_code: (params) => codeMessage('Код для входа в личный кабинет', 'Код для входа', params),
  identity_code: (params) => codeMessage('Код подтверждения личности', 'Код подтверждения личности', params),
  signature_code: (params) => codeMessage('Код для подписи заявления', 'Код для подписи', params),
  record_request_code: (params) => codeMessage('Код для запроса документов', 'Код для запроса документов', params),
  application_received: (params) => {
    const number = need(params, 'number');
    const due = russianWhen(need(params, 'dueAt'));
    return {
      subject: `Заявление ${number} принято`,
      blocks: [`Ваше заявление зарегистрировано под номером ${number}.`, `Мы рассмотрим его до ${due}.`],
      sms: `Заявление ${number} принято, ответ до ${due}.`,
    };
  },
  review_started: (params) => {
    const number = need(params, 'number');
    return {
      subject: `Заявление ${number} на рассмотрении`,
      blocks: [`Сотрудник поликлиники начал рассматривать ваше заявление ${number}.`],
      sms: `Заявление ${number} на рассмотрении.`,
    };
  },
  application_approved: (params) => {
    const number = need(params, 'number');
    const expires = russianWhen(need(params, 'expiresAt'));
    const blocks: Block[] = [`Ваше заявление ${number} одобрено. Остался последний шаг: активировать кабинет.`];
    const link = params.link;
    const code = params.code;
    if (link) blocks.push({ label: 'Активировать кабинет', link });
    if (code) blocks.push(`Код активации: ${code}`, codeWarning);
    blocks.push(`Активируйте кабинет до ${expires}.`);
    const sms = code
      ? `Заявление ${number} одобрено. Код активации: ${code}, действует до ${expires}. ${codeWarning}`
      : `Заявление ${number} одобрено. Активируйте кабинет до ${expires}${link ? `: ${link}` : '.'}`;
    return { subject: `Заявление ${number} одобрено`, blocks, sms };
  },
  application_denied: (params) => {
    const number = need(params, 'number');
    const supplyDue = russianWhen(need(params, 'supplyDue'));
    const reason = need(params, 'reason');
    const blocks: Block[] = [
      `По заявлению ${number} отказано.`,
      `Причина: ${denyReasonWords[reason as DenyReason] ?? reason}.`,
    ];
    if (params.note) blocks.push(`Комментарий: ${params.note}`);
    blocks.push(`Вы можете дополнить заявление до ${supplyDue} или обжаловать решение в личном кабинете.`);
    return {
      subject: `Отказ по заявлению ${number}`,
      blocks,
      sms: `По заявлению ${number} отказано. Дополнить можно до ${supplyDue}; подробности в личном кабинете.`,
    };
  },
  application_delayed: (params) => {
    const number = need(params, 'number');
    const due = russianWhen(need(params, 'dueAt'));
    return {
      subject: `Задержка рассмотрения заявления ${number}`,
      blocks: [
        `Срок рассмотрения вашего заявления ${number} истёк ${due}, а решения ещё нет.`,
        'Заявление передано ответственному сотруднику поликлиники. Мы сообщим о решении; следить за заявлением можно в личном кабинете.',
      ],
      sms: `Срок рассмотрения заявления ${number} истёк. Заявление передано ответственному сотруднику.`,
    };
  },
  application_reopened: (params) => {
    const number = need(params, 'number');
    return {
      subject: `Заявление ${number} рассматривается снова`,
      blocks: [`Ваше заявление ${number} снова на рассмотрении.`],
      sms: `Заявление ${number} снова на рассмотрении.`,
    };
  },
  account_activated: () => ({
    subject: 'Личный кабинет активирован',
    blocks: [
      'Ваш личный кабинет пациента активирован.',
      'Если это сделали не вы, сразу сообщите в регистратуру поликлиники.',
    ],
    sms: 'Ваш личный кабинет пациента активирован. Если это не вы, сообщите в регистратуру.',
  }),
  // No clinical content in an e-mail or SMS (medical secrecy, 323-ФЗ art. 13): the outcome, then the cabinet.
  chart_report_accepted: (params) => {
    const submitted = russianWhen(need(params, 'submittedOn'));
    return {
      subject: 'Ваше сообщение о неточности в карте принято',
      blocks: [
        `Врач рассмотрел ваше сообщение о неточности в медицинской карте от ${submitted} и исправил запись.`,
        'Исправленную запись и её прежнюю версию можно посмотреть в личном кабинете.',
        { label: 'Открыть медицинскую карту', link: need(params, 'link') },
      ],
      sms: `Ваше сообщение о неточности в карте от ${submitted} принято: запись исправлена. Подробности в личном кабинете.`,
    };
  },
  chart_report_declined: (params) => {
    const submitted = russianWhen(need(params, 'submittedOn'));
    return {
      subject: 'Ваше сообщение о неточности в карте отклонено',
      blocks: [
        `Врач рассмотрел ваше сообщение о неточности в медицинской карте от ${submitted} и оставил запись без изменений.`,
        'Причину отказа можно прочитать в личном кабинете. Если вы не согласны, приложите к записи заявление о несогласии: оно останется в карте рядом с записью.',
        { label: 'Открыть медицинскую карту', link: need(params, 'link') },
      ],
      sms: `Ваше сообщение о неточности в карте от ${submitted} отклонено. Причина и заявление о несогласии — в личном кабинете.`,
    };
  },
  chart_share: (params) => {
    const clinic = need(params, 'clinic');
    const patient = need(params, 'patient');
    const count = Number(need(params, 'count'));
    const entries = Array.from({ length: Number.isSafeInteger(count) ? count : 0 }, (_, at) =>
      need(params, `entry${at + 1}`),
    );
    return {
      subject: `${clinic}: медицинские записи, переданные с согласия пациента`,
      blocks: [
        `${clinic} направляет вам медицинские записи пациента ${patient} с его согласия.`,
        ...entries,
        'Письмо содержит врачебную тайну (323-ФЗ, ст. 13): не пересылайте его третьим лицам.',
      ],
      sms: `${clinic}: медицинские записи пациента отправлены на вашу почту.`,
    };
  },
  ...appointmentContents,
  ...recordRequestContents,
};

/** Templates that tell of an application's or account's state: the patient may turn a channel off for them. */
export const statusNoticeTemplates: ReadonlySet<NotificationTemplate> = new Set<NotificationTemplate>([
  'application_received',
  'review_started',
  'application_approved',
  'application_denied',
  'application_delayed',
  'application_reopened',
  'account_activated',
  'chart_report_accepted',
  'chart_report_declined',
  'appointment_booked',
  'appointment_moved',
  'appointment_cancelled',
  'appointment_reminder',
  'record_request_received',
  'record_request_ready',
  'record_request_delayed',
]);

function htmlBlock(block: Block): string {
  if (typeof block === 'string') return `<p>${escapeHtml(block)}</p>`;
  const href = safeLink(block.link);
  return href
    ? `<p><a href="${escapeHtml(href)}">${escapeHtml(block.label)}</a></p>`
    : `<p>${escapeHtml(`${block.label}: ${block.link}`)}</p>`;
}

/**
 * The message in Russian: subject, plain text, HTML (every parameter escaped), the SMS text, and
 * the e-mail's files. `context` is what the sender knows (the public address, the sender, the time).
 */
export function renderMessage(
  template: NotificationTemplate,
  params: Params,
  context: RenderContext = {},
): RenderedMessage {
  const content = contents[template](params, context);
  const text = content.blocks
    .map((block) => (typeof block === 'string' ? block : `${block.label}: ${block.link}`))
    .join('\n\n');
  const html = [
    '<!doctype html><html lang="ru"><head><meta charset="utf-8"></head><body>',
    ...content.blocks.map(htmlBlock),
    '</body></html>',
  ].join('\n');
  return {
    subject: content.subject,
    text,
    html,
    sms: content.sms,
    ...(content.attachments ? { attachments: content.attachments } : {}),
  };
}
