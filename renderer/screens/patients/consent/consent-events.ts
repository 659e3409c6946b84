import { useEffect, useState } from 'react';

/**
 * Told when this desk accepts or withdraws a patient's consent, so that other parts of the page
 * showing the consent's state (the card's header chip) ask again at once.
 */
const consentEvents = new EventTarget();
const changed = 'consent-changed';

export function announceConsentChange(patientId: string): void {
  consentEvents.dispatchEvent(new CustomEvent<string>(changed, { detail: patientId }));
}

/** A number that moves on each change of this patient's consent here: put it in a query's key. */
export function useConsentRevision(patientId: string): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<string>).detail === patientId) setRevision((value) => value + 1);
    };
    consentEvents.addEventListener(changed, listener);
    return () => consentEvents.removeEventListener(changed, listener);
  }, [patientId]);
  return revision;
}
