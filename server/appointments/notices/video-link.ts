import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { videoVisitPath } from '../../../shared/cabinet/appointments-api';
import { appointmentFromRow } from '../../../shared/appointments/rows';
import type { Appointment } from '../../../shared/appointments/schedule';
import { toRecord } from '../../db/values';

/**
 * A remote visit's video link (E3). Each appointment gets a room of its own (a random name, kept)
 * at the clinic's video service; the patient reaches it only through `GET /visit/<token>`
 * (video-visit-route.ts), which opens it from 15 min before the start to 30 min after the end.
 *
 * A token is 256 random bits, and only its SHA-256 is kept, so the database alone opens no
 * visit. Since a kept hash cannot give the token back, every link is issued anew: one per
 * message (the confirmation, the move, the reminder: each message its own), and one each time
 * the cabinet shows the visit (`videoLinkFor`; only the newest few of those stay valid).
 */
export const videoOpensBeforeMin = 15;
export const videoClosesAfterMin = 30;

/** Links the cabinet showed that stay valid per appointment: an older tab's link stops working. */
const keptViewLinks = 5;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
const minuteMs = 60_000;

export type VideoTokenPurpose = 'message' | 'view';

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `/visit/<token>`: the path of the visit's page on the cabinet's own address. */
export function videoPathOf(token: string): string {
  return videoVisitPath.replace(':token', token);
}

async function ensureRoom(db: Knex, clinicId: string, appointmentId: string, now: Date): Promise<void> {
  await db('appointment_video_rooms')
    .insert({
      appointment_id: appointmentId,
      clinic_id: clinicId,
      room: randomBytes(16).toString('base64url'),
      created_at: now,
    })
    .onConflict('appointment_id')
    .ignore();
}

/** A new link to the appointment's room (made on first need); returns its path. */
export async function issueVideoLink(
  db: Knex,
  clinicId: string,
  appointmentId: string,
  purpose: VideoTokenPurpose,
  now: Date = new Date(),
): Promise<string> {
  await ensureRoom(db, clinicId, appointmentId, now);
  const token = randomBytes(32).toString('base64url');
  await db('appointment_video_tokens').insert({
    token_hash: hashOf(token),
    clinic_id: clinicId,
    appointment_id: appointmentId,
    purpose,
    created_at: now,
  });
  if (purpose === 'view') {
    const stale = db('appointment_video_tokens')
      .where({ appointment_id: appointmentId, purpose: 'view' })
      .orderBy('created_at', 'desc')
      .offset(keptViewLinks)
      .select('token_hash');
    await db('appointment_video_tokens').whereIn('token_hash', stale).delete();
  }
  return videoPathOf(token);
}

async function appointmentById(db: Knex, clinicId: string, id: string): Promise<Appointment | null> {
  const row = await db('records')
    .where({ table_name: 'appointments', clinic_id: clinicId, id })
    .first<{ data: unknown } | undefined>('data');
  return row ? appointmentFromRow({ ...toRecord(row.data), id }) : null;
}

/** Bookings whose link may open: a cancelled or moved one's links are dead. */
const liveStatuses: ReadonlySet<Appointment['status']> = new Set(['booked', 'arrived', 'no_show']);

/**
 * The link the cabinet shows for a remote visit (a path on the cabinet's address:
 * `/visit/<token>`), or null for an in-person visit, an unknown one, one no longer booked, or one
 * whose window has closed (a past visit gets no new link).
 */
export async function videoLinkFor(
  db: Knex,
  clinicId: string,
  appointmentId: string,
  now: Date = new Date(),
): Promise<string | null> {
  const appointment = await appointmentById(db, clinicId, appointmentId);
  if (!appointment || appointment.mode !== 'remote' || !liveStatuses.has(appointment.status)) return null;
  if (appointment.status === 'no_show') return null;
  if (now.getTime() > Date.parse(appointment.endsAt) + videoClosesAfterMin * minuteMs) return null;
  return issueVideoLink(db, clinicId, appointmentId, 'view', now);
}

export type VideoVisit =
  { kind: 'open'; room: string } | { kind: 'not_yet'; startsAt: string } | { kind: 'expired' } | { kind: 'invalid' };

/** What a token opens at `now`: the room, not yet, no longer, or nothing. */
export async function resolveVideoToken(db: Knex, token: string, now: Date): Promise<VideoVisit> {
  if (!tokenPattern.test(token)) return { kind: 'invalid' };
  const link = await db('appointment_video_tokens as t')
    .join('appointment_video_rooms as r', 'r.appointment_id', 't.appointment_id')
    .where('t.token_hash', hashOf(token))
    .first<{ clinic_id: string; appointment_id: string; room: string } | undefined>(
      't.clinic_id',
      't.appointment_id',
      'r.room',
    );
  if (!link) return { kind: 'invalid' };
  const appointment = await appointmentById(db, link.clinic_id, link.appointment_id);
  if (!appointment || appointment.mode !== 'remote' || !liveStatuses.has(appointment.status)) {
    return { kind: 'invalid' };
  }
  const opens = Date.parse(appointment.startsAt) - videoOpensBeforeMin * minuteMs;
  const closes = Date.parse(appointment.endsAt) + videoClosesAfterMin * minuteMs;
  const at = now.getTime();
  if (at < opens) return { kind: 'not_yet', startsAt: appointment.startsAt };
  if (at > closes || appointment.status === 'no_show') return { kind: 'expired' };
  return { kind: 'open', room: link.room };
}
