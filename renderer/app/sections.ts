import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import EventOutlined from '@mui/icons-material/EventOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { ComponentType } from 'react';

export type SectionId = 'patients' | 'applications' | 'appointments' | 'audit' | 'settings';

export interface Section {
  id: SectionId;
  path: string;
  icon: ComponentType<SvgIconProps>;
}

/** The left rail, in the order of a clerk's day (UX.md). */
export const sections: readonly Section[] = [
  { id: 'patients', path: '/patients', icon: PeopleOutlined },
  { id: 'applications', path: '/applications', icon: AssignmentOutlined },
  { id: 'appointments', path: '/appointments', icon: EventOutlined },
  { id: 'audit', path: '/audit', icon: FactCheckOutlined },
  { id: 'settings', path: '/settings', icon: SettingsOutlined },
];
