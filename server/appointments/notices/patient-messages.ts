import type { Knex } from 'knex';
import { clinicTimeZone, type Appointment } from '../../../shared/appointments/schedule';
import { enqueueNotification } from '../../notifications/enqueue';
import type { NotificationChannel, NotificationTemplate } from '../../notifications/notification-types';
import { bookingFacts } from './booking-facts';
import { issueVideoLink } from './video-link';

type AppointmentTemplate = Extract<NotificationTemplate, `appointment_${string}`>;

/**
 * Queues one message about a booking to the patient by e-mail and by SMS (where the patient has
 * an address), in the caller's transaction, each under `<dedupe>:<channel>` so that asking again
 * queues nothing more. Params as server/notifications/appointment-templates.ts reads them; a
 * remote visit's confirmation, move and reminder carry a link of their own (video-link.ts).
 * Returns how many messages were queued.
 */
export async function queuePatientMessages(
  db: Knex,
  request: {
    clinicId: string;
    appointment: Appointment;
    template: AppointmentTemplate;
    extra: Record<string, string>;
    dedupe: string;
    now: Date;
  },
): Promise<number> {
  const { clinicId, appointment, template, now } = request;
  const facts = await bookingFacts(db, clinicId, appointment);
  const recipients: [NotificationChannel, string][] = [];
  if (facts.email) recipients.push(['email', facts.email]);
  if (facts.phone) recipients.push(['sms', facts.phone]);
  if (recipients.length === 0) return 0;
  const params: Record<string, string> = {
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    timeZone: clinicTimeZone,
    specialist: facts.specialist,
    service: facts.service,
    ...(facts.room ? { room: facts.room } : {}),
    ...(facts.instructions ? { instructions: facts.instructions } : {}),
    ...request.extra,
  };
  if (appointment.mode === 'remote' && template !== 'appointment_cancelled') {
    params.videoPath = await issueVideoLink(db, clinicId, appointment.id, 'message', now);
  }
  for (const [channel, to] of recipients) {
    await enqueueNotification(
      db,
      {
        clinicId,
        accountId: facts.accountId,
        channel,
        to,
        template,
        params,
        dedupeKey: `${request.dedupe}:${channel}`,
      },
      now,
    );
  }
  return recipients.length;
}
