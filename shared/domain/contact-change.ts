/**
 * A patient's contact data (B1): what a clerk may change on the card without a document, each
 * change kept in `contact_changes` with the previous value, who and when. The names are the
 * columns of `patients` and the `field` of a history row alike.
 */
export const contactFields = ['phone', 'email', 'address'] as const;
export type ContactField = (typeof contactFields)[number];

export function isContactField(value: unknown): value is ContactField {
  return typeof value === 'string' && (contactFields as readonly string[]).includes(value);
}

/**
 * The card's identity: changed only through the comparison with a document (B5), never with the
 * contacts. Named as the renderer's draft names them.
 */
export const identityFields = [
  'surname',
  'name',
  'patronymic',
  'birthDate',
  'sex',
  'foreign',
  'snils',
  'enp',
  'inn',
] as const;
