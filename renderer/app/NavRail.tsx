import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useTranslation } from 'react-i18next';
import { NavLink, useMatch } from 'react-router';
import { sections, type Section } from './sections';
import { usePermissions } from './session';

function NavRailItem({ section }: { section: Section }) {
  const { t } = useTranslation();
  const active = useMatch(section.exact ? section.path : `${section.path}/*`) !== null;
  const Icon = section.icon;
  const Counter = section.counter;
  return (
    <ListItemButton
      component={NavLink}
      to={section.path}
      end={section.exact}
      selected={active}
      sx={{ borderRadius: 2, mb: 0.5 }}
    >
      <ListItemIcon sx={{ minWidth: 40 }}>
        {Counter ? (
          <Counter>
            <Icon />
          </Counter>
        ) : (
          <Icon />
        )}
      </ListItemIcon>
      <ListItemText primary={t(`nav.${section.id}`)} />
    </ListItemButton>
  );
}

/** The sections the signed-in role may use; the ones not built yet say so when opened. */
export function NavRail() {
  const { t } = useTranslation();
  const can = usePermissions();
  return (
    <nav aria-label={t('nav.label')}>
      <List sx={{ p: 1 }}>
        {sections
          .filter((section) => section.permission === null || can(section.permission))
          .map((section) => (
            <li key={section.id}>
              <NavRailItem section={section} />
            </li>
          ))}
      </List>
    </nav>
  );
}

/** Where the desk opens for this role: its first section. */
export function useHomePath(): string {
  const can = usePermissions();
  return sections.find((section) => section.permission === null || can(section.permission))?.path ?? '/settings';
}
