/**
 * Told when this desk changed an application (taken, reviewed, decided), so that the rail's
 * counter asks again at once rather than at its next poll.
 */
export const applicationEvents = new EventTarget();
export const applicationChangedEvent = 'changed';

export function announceApplicationChange(): void {
  applicationEvents.dispatchEvent(new Event(applicationChangedEvent));
}
