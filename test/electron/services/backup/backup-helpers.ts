import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../../electron/store/clock';
import { openTempDesk, enrolPatient, type TempDesk } from '../../../support/temp-desk';

/** A desk with two patients and one scan in its vault. */
export async function deskWithData(): Promise<TempDesk> {
  const desk = await openTempDesk();
  await enrolPatient(desk, { surname: 'Иванова', snils: undefined });
  await enrolPatient(desk, { surname: 'Петров', snils: undefined, sex: 'male' });
  await desk.ctx.scans.vault.put(randomBytes(5000));
  return desk;
}

/** A clock that moves forward by a second at every look, so that backups get different names. */
export function steppingClock(start = '2026-12-07T10:00:00Z'): Clock & { set(iso: string): void } {
  let at = new Date(start).getTime();
  return {
    now: () => {
      at += 1000;
      return new Date(at);
    },
    set: (iso) => {
      at = new Date(iso).getTime();
    },
  };
}
