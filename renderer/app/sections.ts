import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import EditCalendarOutlined from '@mui/icons-material/EditCalendarOutlined';
import EventOutlined from '@mui/icons-material/EventOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import MonitorHeartOutlined from '@mui/icons-material/MonitorHeartOutlined';
import HowToRegOutlined from '@mui/icons-material/HowToRegOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import RateReviewOutlined from '@mui/icons-material/RateReviewOutlined';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import RequestPageOutlined from '@mui/icons-material/RequestPageOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import TodayOutlined from '@mui/icons-material/TodayOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { ComponentType, ReactNode } from 'react';
import type { Permission } from '../../shared/auth/permissions';
import { ApplicationCounter } from '../screens/applications/ApplicationCounter';
import { ReportCounter } from '../screens/chart-reports/ReportCounter';
import { IncidentCounter } from '../screens/incidents/IncidentCounter';
import { RequestCounter } from '../screens/record-requests/RequestCounter';
import { HealthCounter } from '../screens/health/HealthCounter';
import { VerificationCounter } from '../screens/verification/VerificationCounter';

export type SectionId =
  | 'patients'
  | 'verification'
  | 'applications'
  | 'recordRequests'
  | 'chartReports'
  | 'incidents'
  | 'appointments'
  | 'myDay'
  | 'schedules'
  | 'audit'
  | 'staff'
  | 'health'
  | 'settings'
  | 'account';

export interface Section {
  id: SectionId;
  path: string;
  icon: ComponentType<SvgIconProps>;
  /** The rail shows the section only to a role that has this; the main process enforces it. */
  permission: Permission | null;
  /** Highlighted only on its own path, not on the sections below it. */
  exact?: boolean;
  /** Work waiting in the section (UX.md: counters where work waits): wraps the icon with its count. */
  counter?: ComponentType<{ children: ReactNode }>;
}

/** The left rail, in the order of a clerk's day (UX.md). */
export const sections: readonly Section[] = [
  { id: 'patients', path: '/patients', icon: PeopleOutlined, permission: 'patients.read' },
  {
    id: 'verification',
    path: '/verification',
    icon: HowToRegOutlined,
    permission: 'patients.write',
    counter: VerificationCounter,
  },
  {
    id: 'applications',
    path: '/applications',
    icon: AssignmentOutlined,
    permission: 'patients.read',
    counter: ApplicationCounter,
  },
  // Patients' requests for their records (issue 14, F3): the front desk and the doctors release them.
  {
    id: 'recordRequests',
    path: '/record-requests',
    icon: RequestPageOutlined,
    permission: 'records.release',
    counter: RequestCounter,
  },
  {
    id: 'chartReports',
    path: '/chart-reports',
    icon: RateReviewOutlined,
    permission: 'chart.write',
    counter: ReportCounter,
  },
  // The front desk's and the doctors' schedule (its calls ask appointments.read); an admin, who
  // reads no patients, keeps the schedule in «Настройка расписания» and still starts at «Сотрудники».
  { id: 'appointments', path: '/appointments', icon: EventOutlined, permission: 'patients.read', exact: true },
  { id: 'myDay', path: '/appointments/mine', icon: TodayOutlined, permission: 'chart.read' },
  { id: 'audit', path: '/audit', icon: FactCheckOutlined, permission: 'audit.read' },
  { id: 'staff', path: '/settings/staff', icon: BadgeOutlined, permission: 'staff.manage' },
  // The desks' health (issue 15, G5): the counter shows desks needing attention, red for the urgent ones.
  { id: 'health', path: '/health', icon: MonitorHeartOutlined, permission: 'ops.manage', counter: HealthCounter },
  // The incident log (issue 15, §6.2), below each role's own work (a role starts at its first
  // section: the admin at «Сотрудники», the auditor at «Аудит»): everyone reports; the counter
  // shows open ones, red for a leak past its deadline.
  {
    id: 'incidents',
    path: '/incidents',
    icon: ReportProblemOutlined,
    permission: 'incidents.report',
    counter: IncidentCounter,
  },
  { id: 'schedules', path: '/settings/schedules', icon: EditCalendarOutlined, permission: 'schedules.manage' },
  { id: 'settings', path: '/settings', icon: SettingsOutlined, permission: null, exact: true },
  { id: 'account', path: '/account', icon: AccountCircleOutlined, permission: 'account.self' },
];
