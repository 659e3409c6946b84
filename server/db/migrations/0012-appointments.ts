import type { Knex } from 'knex';

/**
 * Appointments (issue 13, E1–E3). Bookings are synced records (`records`, table `appointments`);
 * what makes two bookings of one time impossible is here: `appointment_claims`, one row per
 * booking or cabinet hold that occupies a slot, with exclusion constraints — no two claims of one
 * clinic overlap in time for one specialist, for one room, or for one patient. Whatever path a
 * booking takes (a desk's push, the cabinet's hold), it claims here first, so a race between any
 * number of them leaves exactly one claim; the others fail with 23P01 (server/appointments/claims.ts).
 *
 * - `id`: the appointment's id (a hold's id is the id its appointment will have);
 * - `hold_expires_at`: a cabinet hold's end; null once confirmed (a desk's booking never holds);
 * - `service_type_id`: what the slot engine needs to count a service's daily limit;
 * - `during`: `[starts_at, ends_at)`, so back-to-back bookings do not overlap;
 * - `claim_group`: claims of one group never stand in each other's way (`WITH <>`): a booking is
 *   a group of its own, and the claim of its move joins it, so a visit moved fifteen minutes later
 *   takes its new time while the old is still held, and only then frees the old.
 *
 * btree_gist (a trusted extension: a database owner may create it) lets one GiST index mix `=` on
 * the ids with `&&` on the range. Also: the patient's bookings by time (the cabinet's list) and the
 * synced rows' indexes the schedule and booking reads need.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS btree_gist');
  await knex.raw(`
    CREATE TABLE appointment_claims (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinics (id),
      specialist_id text NOT NULL,
      room_id text NULL,
      patient_id text NOT NULL,
      service_type_id text NOT NULL,
      during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
      claim_group uuid NOT NULL,
      hold_expires_at timestamptz NULL,
      account_id uuid NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT appointment_claims_specialist
        EXCLUDE USING gist (clinic_id WITH =, specialist_id WITH =, during WITH &&, claim_group WITH <>),
      CONSTRAINT appointment_claims_room
        EXCLUDE USING gist (clinic_id WITH =, room_id WITH =, during WITH &&, claim_group WITH <>)
        WHERE (room_id IS NOT NULL),
      CONSTRAINT appointment_claims_patient
        EXCLUDE USING gist (clinic_id WITH =, patient_id WITH =, during WITH &&, claim_group WITH <>)
    )`);
  await knex.raw(
    'CREATE INDEX appointment_claims_holds ON appointment_claims (hold_expires_at) WHERE hold_expires_at IS NOT NULL',
  );
  await knex.raw(
    `CREATE INDEX records_appointments_patient ON records (clinic_id, (data->>'patient_id'), (data->>'starts_at'))
     WHERE table_name = 'appointments'`,
  );
  await knex.raw(
    `CREATE INDEX records_appointment_attachments ON records ((data->>'appointment_id'))
     WHERE table_name = 'appointment_attachments'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX records_appointment_attachments');
  await knex.raw('DROP INDEX records_appointments_patient');
  await knex.raw('DROP TABLE appointment_claims');
}
