/** Patients' record requests at the desk (issue 14, F3): the queue, fulfilment, paper (`recordRequests.*`). */
export const recordRequestCalls = {} as const;
