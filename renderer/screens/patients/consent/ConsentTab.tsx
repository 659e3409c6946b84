import type { Patient } from '../../../../shared/domain/patient';
import { ConsentSection } from './ConsentSection';
import { ProxiesSection } from './ProxiesSection';

/** The card's tab «Согласие и доверенные лица» (B8, B9). */
export function ConsentTab({ patient }: { patient: Patient }) {
  return (
    <>
      <ConsentSection patientId={patient.id} />
      <ProxiesSection patient={patient} />
    </>
  );
}
