import type { ReactNode } from 'react';
import type { Permission } from '../../../../shared/auth/permissions';
import type { Patient } from '../../../../shared/domain/patient';
import type { ru } from '../../../i18n/ru';
import { AccessLogTab } from './AccessLogTab';
import { ChartTab } from '../../chart/ChartTab';
import { ConsentTab } from '../consent/ConsentTab';
import { DocumentsSection } from '../documents/DocumentsSection';
import { PatientAppointmentsTab } from '../../appointments/PatientAppointmentsTab';
import { PersonalDataTab } from './PersonalDataTab';
import { ScansTab } from '../scans/ScansTab';
import { SharingPanel } from '../../chart/sharing/SharingPanel';
import { OnlineAccessTab } from '../../verification/OnlineAccessTab';

export interface CardTabDefinition {
  /** `patients.card.tabs.<id>` names the tab. */
  id: keyof typeof ru.patients.card.tabs;
  /** Shown only to a role with this permission (the chart is a doctor's; the main process enforces it too). */
  permission?: Permission;
  /** `changed`: the tab changed the card (its contacts), and the card shows the new one. */
  render(patient: Patient, changed: (patient: Patient) => void): ReactNode;
}

/**
 * The card's tabs in UX.md's order, with identity split into personal data, documents and scans:
 * Personal data · Documents · Scans · Consent & proxies · Online access · Chart and Sharing
 * (doctors) · Access log. Each tab's content lives in its own module; this list only orders them.
 */
export const cardTabs: readonly CardTabDefinition[] = [
  { id: 'personal', render: (patient, changed) => <PersonalDataTab patient={patient} onChanged={changed} /> },
  { id: 'documents', render: (patient) => <DocumentsSection patient={patient} /> },
  { id: 'scans', render: (patient) => <ScansTab patient={patient} /> },
  { id: 'consent', render: (patient) => <ConsentTab patient={patient} /> },
  { id: 'online', render: (patient) => <OnlineAccessTab patient={patient} /> },
  {
    id: 'appointments',
    permission: 'appointments.read',
    render: (patient) => <PatientAppointmentsTab patient={patient} />,
  },
  { id: 'chart', permission: 'chart.read', render: (patient) => <ChartTab patient={patient} /> },
  { id: 'sharing', permission: 'chart.read', render: (patient) => <SharingPanel patientId={patient.id} /> },
  { id: 'accessLog', render: (patient) => <AccessLogTab patientId={patient.id} /> },
];
