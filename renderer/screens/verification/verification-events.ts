/**
 * Told when this desk verified a patient, so that the rail's counter asks again at once rather
 * than at its next poll (the counter and the screens live in different parts of the page).
 */
export const verificationEvents = new EventTarget();
export const verifiedEvent = 'verified';
