import { localDate, localTime } from '../../shared/appointments/local-time';
import { clinicTimeZone } from '../../shared/appointments/schedule';
import { formatRussianDate } from '../../shared/domain/calendar-date';
import { icsText, mailboxOf, type CalendarEvent } from '../appointments/notices/ics';
import { videoOpensBeforeMin } from '../appointments/notices/video-link';
import type { NotificationTemplate } from './notification-types';
import { need, TemplateParamError, type Block, type Content, type Params, type RenderContext } from './template-parts';

/**
 * The patient's messages about a booking (issue 13, E3), in Russian. Params (all strings; the
 * queueing side is server/appointments/notices/appointment-params.ts):
 * `startsAt`, `endsAt` (instants), `timeZone` (the zone the times are told in), `specialist`,
 * `service`, `room`?, `instructions`?, `videoPath`? (a remote visit: `/visit/<token>`), `uid` and
 * `sequence` (the `.ics` event), `previousStartsAt` (a move). The e-mail of a booking or a move
 * carries the `.ics` (METHOD:REQUEST), of a cancellation METHOD:CANCEL; the reminder none.
 */

function zoneLabel(zone: string): string {
  return zone === 'Europe/Moscow' ? 'мск' : zone;
}

/** `10.12.2026 в 14:30 (мск)`. */
function when(instant: string, zone: string): string {
  return `${formatRussianDate(localDate(instant, zone))} в ${localTime(instant, zone)} (${zoneLabel(zone)})`;
}

interface Visit {
  startsAt: string;
  endsAt: string;
  zone: string;
  specialist: string;
  service: string;
  room: string | null;
  instructions: string | null;
  /** The absolute link of a remote visit. */
  videoLink: string | null;
}

function visitOf(params: Params, context: RenderContext): Visit {
  const startsAt = need(params, 'startsAt');
  const endsAt = need(params, 'endsAt');
  if (Number.isNaN(Date.parse(startsAt))) throw new TemplateParamError('startsAt');
  if (Number.isNaN(Date.parse(endsAt))) throw new TemplateParamError('endsAt');
  const zone = params.timeZone || clinicTimeZone;
  const videoPath = params.videoPath || null;
  let videoLink: string | null = null;
  if (videoPath) {
    if (!context.publicUrl) throw new TemplateParamError('publicUrl');
    videoLink = `${context.publicUrl.replace(/\/+$/, '')}${videoPath}`;
  }
  return {
    startsAt,
    endsAt,
    zone,
    specialist: need(params, 'specialist'),
    service: need(params, 'service'),
    room: params.room || null,
    instructions: params.instructions || null,
    videoLink,
  };
}

function whereBlocks(visit: Visit): Block[] {
  if (visit.videoLink) {
    return [
      'Приём по видеосвязи.',
      { label: 'Войти в видеоприём', link: visit.videoLink },
      `Ссылка откроется за ${videoOpensBeforeMin} минут до начала приёма.`,
    ];
  }
  return visit.room ? [`Где: ${visit.room}.`] : [];
}

function detailBlocks(visit: Visit): Block[] {
  return [
    `Специалист: ${visit.specialist}.`,
    ...whereBlocks(visit),
    ...(visit.instructions ? [`Как подготовиться: ${visit.instructions}`] : []),
  ];
}

/** The short place for an SMS: the room, or the video link. */
function smsWhere(visit: Visit): string {
  if (visit.videoLink) return ` Видеоприём: ${visit.videoLink}`;
  return visit.room ? ` ${visit.room}.` : '';
}

function calendar(
  method: CalendarEvent['method'],
  visit: Visit,
  params: Params,
  context: RenderContext,
): Content['attachments'] {
  const sequence = Number(need(params, 'sequence'));
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new TemplateParamError('sequence');
  const text = icsText({
    method,
    uid: need(params, 'uid'),
    sequence,
    stamp: context.now ?? new Date(),
    startsAt: visit.startsAt,
    endsAt: visit.endsAt,
    summary: `${visit.service} — ${visit.specialist}`,
    location: visit.videoLink ?? visit.room,
    description: [visit.instructions, visit.videoLink && `Видеоприём: ${visit.videoLink}`].filter(Boolean).join('\n'),
    url: visit.videoLink,
    organizer: context.mailFrom ? mailboxOf(context.mailFrom) : null,
    attendee: context.recipient && context.recipient.includes('@') ? context.recipient : null,
  });
  const name = method === 'CANCEL' ? 'otmena-priema.ics' : 'priem.ics';
  return [{ filename: name, contentType: `text/calendar; charset=utf-8; method=${method}`, content: text }];
}

const changeNote = 'Отменить или перенести запись можно в личном кабинете или в регистратуре.';

export const appointmentContents: Record<
  Extract<NotificationTemplate, `appointment_${string}`>,
  (params: Params, context: RenderContext) => Content
> = {
  appointment_booked: (params, context) => {
    const visit = visitOf(params, context);
    const at = when(visit.startsAt, visit.zone);
    return {
      subject: `Вы записаны на приём ${at}`,
      blocks: [`Вы записаны на приём: ${visit.service}.`, `Когда: ${at}.`, ...detailBlocks(visit), changeNote],
      sms: `Вы записаны: ${visit.service}, ${at}, ${visit.specialist}.${smsWhere(visit)}`,
      attachments: calendar('REQUEST', visit, params, context),
    };
  },
  appointment_moved: (params, context) => {
    const visit = visitOf(params, context);
    const at = when(visit.startsAt, visit.zone);
    const previous = params.previousStartsAt ? when(params.previousStartsAt, visit.zone) : null;
    return {
      subject: `Запись перенесена на ${at}`,
      blocks: [
        `Ваша запись перенесена: ${visit.service}.`,
        ...(previous ? [`Было: ${previous}.`] : []),
        `Стало: ${at}.`,
        ...detailBlocks(visit),
        changeNote,
      ],
      sms: `Запись перенесена${previous ? ` с ${previous}` : ''} на ${at}: ${visit.service}, ${visit.specialist}.${smsWhere(visit)}`,
      attachments: calendar('REQUEST', visit, params, context),
    };
  },
  appointment_cancelled: (params, context) => {
    const visit = visitOf(params, context);
    const at = when(visit.startsAt, visit.zone);
    return {
      subject: `Запись на ${at} отменена`,
      blocks: [
        `Ваша запись отменена: ${visit.service}, ${at}, специалист ${visit.specialist}.`,
        'Записаться снова можно в личном кабинете или в регистратуре.',
      ],
      sms: `Запись отменена: ${visit.service}, ${at}, ${visit.specialist}.`,
      attachments: calendar('CANCEL', visit, params, context),
    };
  },
  appointment_reminder: (params, context) => {
    const visit = visitOf(params, context);
    const at = when(visit.startsAt, visit.zone);
    return {
      subject: `Напоминание: приём ${at}`,
      blocks: [`Напоминаем о записи: ${visit.service}.`, `Когда: ${at}.`, ...detailBlocks(visit), changeNote],
      sms: `Напоминаем: ${at} — ${visit.service}, ${visit.specialist}.${smsWhere(visit)}`,
    };
  },
};
