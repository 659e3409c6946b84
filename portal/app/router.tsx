import { createBrowserRouter } from 'react-router';
import { ActivateScreen } from '../screens/ActivateScreen';
import { ApplicationScreen } from '../screens/ApplicationScreen';
import { ApplyScreen } from '../screens/ApplyScreen';
import { CheckEmailScreen } from '../screens/CheckEmailScreen';
import { ConfirmEmailScreen } from '../screens/ConfirmEmailScreen';
import { ConfirmPhoneScreen } from '../screens/ConfirmPhoneScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { IdentityScreen } from '../screens/IdentityScreen';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { RegisterScreen } from '../screens/RegisterScreen';
import { RepresentationScreen } from '../screens/RepresentationScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { CabinetFrame } from './CabinetFrame';
import { HomeRedirect, RequireSession } from './guards';
import { PublicFrame } from './PublicFrame';

/** The chart's screens (issue 12) load with their own chunk, when first opened: the sign-in pages stay small. */
function chartScreen(name: keyof typeof import('../screens/chart/chart-screens')) {
  return async () => ({ Component: (await import('../screens/chart/chart-screens'))[name] });
}

/** «Записи» (issue 13), likewise a chunk of its own. */
function appointmentScreen(name: keyof typeof import('../screens/appointments/appointment-screens')) {
  return async () => ({ Component: (await import('../screens/appointments/appointment-screens'))[name] });
}

/** «Запросы документов» (issue 14), a chunk of its own. */
function recordRequestScreen(name: keyof typeof import('../screens/record-requests/record-request-screens')) {
  return async () => ({ Component: (await import('../screens/record-requests/record-request-screens'))[name] });
}

/** «Кто открывал мою карту» (issue 14), a chunk of its own. */
async function accessLogScreen() {
  return { Component: (await import('../screens/access-log/AccessLogScreen')).AccessLogScreen };
}

/** The cabinet's screens by path; the server gives index.html for each (server/cabinet/portal-pages.ts). */
export const cabinetRouter = createBrowserRouter([
  { path: '/', element: <HomeRedirect /> },
  {
    element: <PublicFrame />,
    children: [
      { path: '/register', element: <RegisterScreen /> },
      { path: '/check-email', element: <CheckEmailScreen /> },
      { path: '/confirm-email', element: <ConfirmEmailScreen /> },
      { path: '/activate', element: <ActivateScreen /> },
      { path: '/sign-in', element: <SignInScreen /> },
      {
        element: <RequireSession stage="applicant" />,
        children: [
          { path: '/confirm-phone', element: <ConfirmPhoneScreen /> },
          { path: '/identity', element: <IdentityScreen /> },
          { path: '/apply', element: <ApplyScreen /> },
        ],
      },
      { element: <RequireSession />, children: [{ path: '/application', element: <ApplicationScreen /> }] },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
  {
    element: <RequireSession stage="patient" />,
    children: [
      {
        element: <CabinetFrame />,
        children: [
          { path: '/cabinet', element: <HomeScreen /> },
          { path: '/cabinet/cards', lazy: chartScreen('CardsScreen') },
          { path: '/cabinet/cards/reports', lazy: chartScreen('ReportsScreen') },
          { path: '/cabinet/cards/sharing', lazy: chartScreen('SharingScreen') },
          { path: '/cabinet/cards/:id', lazy: chartScreen('EntryScreen') },
          { path: '/cabinet/appointments', lazy: appointmentScreen('AppointmentsScreen') },
          { path: '/cabinet/appointments/book', lazy: appointmentScreen('BookingScreen') },
          { path: '/cabinet/documents', lazy: chartScreen('DocumentsScreen') },
          { path: '/cabinet/access-log', lazy: accessLogScreen },
          { path: '/cabinet/record-requests', lazy: recordRequestScreen('RecordRequestsScreen') },
          { path: '/cabinet/record-requests/new', lazy: recordRequestScreen('NewRecordRequestScreen') },
          { path: '/cabinet/settings', element: <SettingsScreen /> },
          { path: '/cabinet/representation', element: <RepresentationScreen /> },
        ],
      },
    ],
  },
]);
