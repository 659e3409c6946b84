/** Told when this desk changed an incident, so the log and the rail's counter ask again at once. */
export const incidentEvents = new EventTarget();
export const incidentChangedEvent = 'changed';

export function announceIncidentChange(): void {
  incidentEvents.dispatchEvent(new Event(incidentChangedEvent));
}
