/**
 * Audit actions issue 14 writes (desk chains and the cabinet's server chain), named once so the
 * access log (shared/rights/access-log.ts) classifies them. Reads made under a break-the-glass
 * grant carry `details.emergencyAccessId` — the log shows them as emergency access.
 */
export const rightsActions = {
  /** The access log itself was read (the desk's tab, the cabinet's screen). */
  accessLogRead: 'patients.access_log.read',
  exportCreated: 'exports.created',
  exportPrinted: 'exports.printed',
  restrictionAdded: 'chart.restriction.added',
  restrictionLifted: 'chart.restriction.lifted',
  emergencyStarted: 'chart.emergency.started',
  emergencyReviewed: 'chart.emergency.reviewed',
  requestSubmitted: 'record_requests.submitted',
  requestRead: 'record_requests.read',
  requestTaken: 'record_requests.taken',
  requestFileAttached: 'record_requests.file_attached',
  requestPaperHanded: 'record_requests.paper_handed',
  requestDone: 'record_requests.done',
  requestEscalated: 'record_requests.escalated',
  requestDownloaded: 'record_requests.downloaded',
} as const;
