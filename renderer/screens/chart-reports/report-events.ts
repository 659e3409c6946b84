/**
 * Told when this desk decided a report, so that the rail's counter and the queue ask again at once
 * rather than at their next poll.
 */
export const reportEvents = new EventTarget();
export const reportDecidedEvent = 'decided';

export function announceReportDecided(): void {
  reportEvents.dispatchEvent(new Event(reportDecidedEvent));
}
