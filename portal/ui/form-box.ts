/** A form that opens inside a page (a report, a consent, an upload): set apart from the lists around it. */
export const formBox = { border: 1, borderColor: 'divider', borderRadius: 2, p: { xs: 1.5, sm: 2 } } as const;
