import { moscowDay } from '../../shared/domain/application-deadline';
import { formatRussianDate } from '../../shared/domain/calendar-date';
import type { NotificationTemplate } from './notification-types';
import { need, TemplateParamError, type Content, type Params } from './template-parts';

/**
 * The patient's messages about a request for their records (issue 14, F3), in Russian. Params
 * (strings): `number` («З-2026-000042»), `dueOn` (the last day, ISO date), `availableUntil` (an
 * instant: the files' download ends), `link` (the cabinet's page of requests). Nothing clinical
 * goes by e-mail or SMS (323-ФЗ art. 13): the files are downloaded in the cabinet only.
 * The confirmation code (`record_request_code`) is a code message of templates.ts.
 */

function day(params: Params, name: string): string {
  const value = need(params, name);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatRussianDate(value);
  if (Number.isNaN(Date.parse(value))) throw new TemplateParamError(name);
  return formatRussianDate(moscowDay(value));
}

export const recordRequestContents: Record<
  Extract<NotificationTemplate, 'record_request_received' | 'record_request_ready' | 'record_request_delayed'>,
  (params: Params) => Content
> = {
  record_request_received: (params) => {
    const number = need(params, 'number');
    const due = day(params, 'dueOn');
    return {
      subject: `Запрос документов ${number} принят`,
      blocks: [
        `Ваш запрос медицинских документов зарегистрирован под номером ${number}.`,
        `Поликлиника подготовит документы до ${due} включительно (5 рабочих дней).`,
        'Когда документы будут готовы, мы сообщим; скачать их можно будет в личном кабинете.',
      ],
      sms: `Запрос документов ${number} принят, срок — до ${due}.`,
    };
  },
  record_request_ready: (params) => {
    const number = need(params, 'number');
    const until = day(params, 'availableUntil');
    return {
      subject: `Документы по запросу ${number} готовы`,
      blocks: [
        `Документы по вашему запросу ${number} готовы.`,
        `Скачать файлы можно в личном кабинете до ${until}. Бумажную копию, если вы её запрашивали, выдают в регистратуре.`,
        { label: 'Открыть запросы документов', link: need(params, 'link') },
      ],
      sms: `Документы по запросу ${number} готовы: скачайте их в личном кабинете до ${until}.`,
    };
  },
  record_request_delayed: (params) => {
    const number = need(params, 'number');
    const due = day(params, 'dueOn');
    return {
      subject: `Задержка по запросу документов ${number}`,
      blocks: [
        `Срок подготовки документов по вашему запросу ${number} истёк ${due}, а документы ещё не готовы.`,
        'Запрос передан ответственному сотруднику поликлиники. Мы сообщим, когда документы будут готовы.',
      ],
      sms: `Срок по запросу документов ${number} истёк. Запрос передан ответственному сотруднику.`,
    };
  },
};
