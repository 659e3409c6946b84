import { ApplicationsReportScreen } from '../screens/applications/report/ApplicationsReportScreen';
import { ApplicationScreen } from '../screens/applications/ApplicationScreen';
import { ApplicationsQueueScreen } from '../screens/applications/ApplicationsQueueScreen';
import { ReportsQueueScreen } from '../screens/chart-reports/ReportsQueueScreen';
import { RecordRequestsScreen } from '../screens/record-requests/RecordRequestsScreen';
import { IncidentScreen } from '../screens/incidents/IncidentScreen';
import { IncidentsScreen } from '../screens/incidents/IncidentsScreen';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { HealthScreen } from '../screens/health/HealthScreen';
import { createHashRouter } from 'react-router';
import { MyAccountScreen } from '../screens/account/MyAccountScreen';
import { PatientCardScreen } from '../screens/patients/card/PatientCardScreen';
import { PatientCreateScreen } from '../screens/patients/create/PatientCreateScreen';
import { CardDuplicatesScreen } from '../screens/patients/duplicates/CardDuplicatesScreen';
import { PatientListScreen } from '../screens/patients/list/PatientListScreen';
import { NotFoundScreen } from '../screens/not-found/NotFoundScreen';
import { MyDayScreen } from '../screens/appointments/MyDayScreen';
import { ScheduleScreen } from '../screens/appointments/ScheduleScreen';
import { ScheduleSetupScreen } from '../screens/schedules/ScheduleSetupScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { StaffScreen } from '../screens/staff/StaffScreen';
import { SyncScreen } from '../screens/sync/SyncScreen';
import { VerificationQueueScreen } from '../screens/verification/VerificationQueueScreen';
import { AppFrame } from './AppFrame';
import { HomeRedirect } from './HomeRedirect';

/**
 * A hash router: the same build is served from Electron's app:// protocol and from the browser
 * host, so paths must not depend on the server. Create it only after the host secret has been
 * taken out of the fragment.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <AppFrame />,
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'patients', element: <PatientListScreen /> },
        { path: 'patients/new', element: <PatientCreateScreen /> },
        { path: 'patients/:id', element: <PatientCardScreen /> },
        { path: 'patients/:id/duplicates', element: <CardDuplicatesScreen /> },
        { path: 'verification', element: <VerificationQueueScreen /> },
        { path: 'applications', element: <ApplicationsQueueScreen /> },
        { path: 'applications/report', element: <ApplicationsReportScreen /> },
        { path: 'applications/:id', element: <ApplicationScreen /> },
        { path: 'record-requests', element: <RecordRequestsScreen /> },
        { path: 'chart-reports', element: <ReportsQueueScreen /> },
        { path: 'incidents', element: <IncidentsScreen /> },
        { path: 'incidents/:id', element: <IncidentScreen /> },
        { path: 'appointments', element: <ScheduleScreen /> },
        { path: 'appointments/mine', element: <MyDayScreen /> },
        { path: 'audit', element: <AuditScreen /> },
        { path: 'settings', element: <SettingsScreen /> },
        { path: 'settings/staff', element: <StaffScreen /> },
        { path: 'settings/schedules', element: <ScheduleSetupScreen /> },
        { path: 'health', element: <HealthScreen /> },
        { path: 'account', element: <MyAccountScreen /> },
        { path: 'sync', element: <SyncScreen /> },
        { path: '*', element: <NotFoundScreen /> },
      ],
    },
  ]);
}
