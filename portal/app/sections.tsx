import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import EventOutlined from '@mui/icons-material/EventOutlined';
import FolderSharedOutlined from '@mui/icons-material/FolderSharedOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import RequestPageOutlined from '@mui/icons-material/RequestPageOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import type { ReactElement } from 'react';
import type { TextKey } from '../i18n/use-texts';

export interface Section {
  path: string;
  label: TextKey;
  icon: ReactElement;
  /** Shown in the phone's bottom navigation (the rest are reached from the cabinet's page). */
  bottom: boolean;
}

/** The cabinet's blocks (seed: «Мои карты», «Записи», «Документы», «Настройки») and the representative's view. */
export const sections: readonly Section[] = [
  { path: '/cabinet', label: 'nav.home', icon: <HomeOutlined />, bottom: false },
  { path: '/cabinet/cards', label: 'nav.cards', icon: <FolderSharedOutlined />, bottom: true },
  { path: '/cabinet/appointments', label: 'nav.appointments', icon: <EventOutlined />, bottom: true },
  { path: '/cabinet/documents', label: 'nav.documents', icon: <DescriptionOutlined />, bottom: true },
  { path: '/cabinet/record-requests', label: 'recordRequests.nav', icon: <RequestPageOutlined />, bottom: false },
  { path: '/cabinet/access-log', label: 'accessLog.nav', icon: <HistoryOutlined />, bottom: false },
  { path: '/cabinet/representation', label: 'nav.representation', icon: <PeopleOutlined />, bottom: false },
  { path: '/cabinet/settings', label: 'nav.settings', icon: <SettingsOutlined />, bottom: true },
];
