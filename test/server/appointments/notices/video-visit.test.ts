import helmet from '@fastify/helmet';
import fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoLinkFor } from '../../../../server/appointments/notices/video-link';
import { registerVideoVisitRoute } from '../../../../server/appointments/notices/video-visit-route';
import { installErrorHandling } from '../../../../server/http/error-handler';
import { useOutboxDb } from '../../notifications/outbox-support';
import { book, cancel, move, outboxOf, writeWorld, type BookingWorld } from './booking-support';

// E3: a remote visit's link opens the clinic's video room only from 15 min before the start to
// 30 min after the end; before it says when, after it says it is over, and a link that is not one
// (unknown, cancelled, moved) is refused. The clock is the test's.
const outbox = useOutboxDb();
const videoBaseUrl = 'https://video.clinic.test/room';
let app: FastifyInstance;
let clock = new Date();
let world: BookingWorld;
let email: string;

beforeAll(async () => {
  app = fastify();
  installErrorHandling(app);
  await app.register(helmet, { global: true });
  registerVideoVisitRoute(app, { db: outbox.db, now: () => clock, videoBaseUrl });
  await app.ready();
  email = `${randomUUID()}@example.test`;
  world = await writeWorld(outbox.db, outbox.clinicId, { email, phone: null });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

// A visit on 10 Dec 2026 from 14:30 to 15:00 Moscow (11:30–12:00 UTC).
const startsAt = '2026-12-10T11:30:00.000Z';
const at = (iso: string) => new Date(iso);

async function remoteBooking() {
  const booking = await book(outbox.db, world, { startsAt, bookedAt: '2026-12-01T09:00:00.000Z', remote: true });
  const booked = (await outboxOf(outbox.db, email)).filter((row) => row.template === 'appointment_booked');
  const path = booked.at(-1)?.params.videoPath;
  expect(path).toMatch(/^\/visit\/[A-Za-z0-9_-]{43}$/);
  return { booking, path: path! };
}

async function open(path: string, when: Date, accept = 'application/json') {
  clock = when;
  return app.inject({ method: 'GET', url: path, headers: { accept } });
}

describe('the video visit’s link', () => {
  it('opens the room from 15 min before the start to 30 min after the end, and only then', async () => {
    const { path } = await remoteBooking();
    const early = await open(path, at('2026-12-10T11:14:59.000Z'));
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({
      code: 'appointments.video.not_yet',
      message: { ru: 'Ссылка на видеоприём откроется за 15 мин до начала (10.12.2026 14:30)' },
    });

    const opens = await open(path, at('2026-12-10T11:15:00.000Z'));
    expect(opens.statusCode).toBe(302);
    const room = String(opens.headers.location);
    expect(room).toMatch(/^https:\/\/video\.clinic\.test\/room\/[A-Za-z0-9_-]{22}$/);
    expect(opens.headers['cache-control']).toBe('no-store');
    expect(opens.headers['referrer-policy']).toBe('no-referrer');

    const last = await open(path, at('2026-12-10T12:30:00.000Z'));
    expect(last.statusCode).toBe(302);
    expect(last.headers.location).toBe(room);

    const late = await open(path, at('2026-12-10T12:30:01.000Z'));
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'appointments.video.expired' });
  });

  it('tells a browser in Russian, on a page', async () => {
    const { path } = await remoteBooking();
    const page = await open(path, at('2026-12-09T10:00:00.000Z'), 'text/html,application/xhtml+xml');
    expect(page.statusCode).toBe(403);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Ссылка на видеоприём откроется за 15 мин до начала (10.12.2026 14:30)');
  });

  it('refuses an unknown, a malformed, a cancelled and a moved visit’s link with 404', async () => {
    const within = at('2026-12-10T11:40:00.000Z');
    for (const url of ['/visit/' + 'A'.repeat(43), '/visit/short', "/visit/<script>'", '/visit/' + 'x'.repeat(90)]) {
      const reply = await open(url, within);
      expect(reply.statusCode).toBe(404);
      expect(reply.json()).toMatchObject({ code: 'appointments.video.invalid' });
    }
    // Longer than any route parameter: the router refuses it before the route runs.
    const huge = await open('/visit/' + 'x'.repeat(5000), within);
    expect(huge.statusCode).toBe(414);
    expect(huge.headers.location).toBeUndefined();
    const cancelled = await remoteBooking();
    await cancel(outbox.db, world, cancelled.booking, '2026-12-02T09:00:00.000Z');
    expect((await open(cancelled.path, within)).statusCode).toBe(404);

    const moved = await remoteBooking();
    const renewed = await move(outbox.db, world, moved.booking, {
      startsAt: '2026-12-11T11:30:00.000Z',
      bookedAt: '2026-12-02T09:00:00.000Z',
    });
    expect((await open(moved.path, within)).statusCode).toBe(404);
    // The new time has its own room.
    const newLink = await videoLinkFor(outbox.db, outbox.clinicId, renewed.id, at('2026-12-11T11:00:00.000Z'));
    const newRoom = await open(newLink!, at('2026-12-11T11:40:00.000Z'));
    expect(newRoom.statusCode).toBe(302);
  });

  it('gives the cabinet a link of the visit’s room for a remote visit, none for one in person', async () => {
    const { booking, path } = await remoteBooking();
    const shown = await videoLinkFor(outbox.db, outbox.clinicId, booking.id, at('2026-12-10T10:00:00.000Z'));
    expect(shown).toMatch(/^\/visit\/[A-Za-z0-9_-]{43}$/);
    expect(shown).not.toBe(path);
    const within = at('2026-12-10T11:40:00.000Z');
    const viaMessage = await open(path, within);
    const viaCabinet = await open(shown!, within);
    expect(viaCabinet.headers.location).toBe(viaMessage.headers.location);
    // Only the token's hash is kept.
    const kept = await outbox.db('appointment_video_tokens').where({ appointment_id: booking.id }).select('token_hash');
    expect(JSON.stringify(kept)).not.toContain(shown!.slice('/visit/'.length));

    // A past visit gets no new link.
    expect(await videoLinkFor(outbox.db, outbox.clinicId, booking.id, at('2026-12-10T12:31:00.000Z'))).toBeNull();

    const inPerson = await book(outbox.db, world, { startsAt, bookedAt: '2026-12-01T09:00:00.000Z' });
    expect(await videoLinkFor(outbox.db, outbox.clinicId, inPerson.id)).toBeNull();
    expect(await videoLinkFor(outbox.db, outbox.clinicId, randomUUID())).toBeNull();
  });
});
