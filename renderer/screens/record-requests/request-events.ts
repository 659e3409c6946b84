/**
 * Told when this desk changed a record request (taken, a file made, paper, finished), so that the
 * queue and the rail's counter ask again at once rather than at their next poll.
 */
export const requestEvents = new EventTarget();
export const requestChangedEvent = 'changed';

export function announceRequestChange(): void {
  requestEvents.dispatchEvent(new Event(requestChangedEvent));
}
