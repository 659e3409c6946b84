/** Exports of a patient’s record (issue 14, F3): PDF, FHIR R4, СЭМД, with progress and cancel (`exports.*`). */
export const exportCalls = {} as const;
