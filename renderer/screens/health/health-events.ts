/** Told when this desk changed the thresholds, so the desks' list and the rail's counter ask again at once. */
export const healthEvents = new EventTarget();
export const healthChangedEvent = 'changed';

export function announceHealthChange(): void {
  healthEvents.dispatchEvent(new Event(healthChangedEvent));
}
