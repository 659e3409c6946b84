/** «Записи» and «Записаться» (a move: the same page naming the booking it replaces). */
export const appointmentsPath = '/cabinet/appointments';
export const bookingPath = '/cabinet/appointments/book';

export function bookPath(replacesId: string | null = null): string {
  return replacesId ? `${bookingPath}?replaces=${encodeURIComponent(replacesId)}` : bookingPath;
}
