import BrightnessMediumOutlined from '@mui/icons-material/BrightnessMediumOutlined';
import TranslateOutlined from '@mui/icons-material/TranslateOutlined';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useColorScheme } from '@mui/material/styles';
import { useState, type ReactNode } from 'react';
import { languages } from '../i18n/language';
import { useTexts } from '../i18n/use-texts';

const modes = ['system', 'light', 'dark'] as const;

function PickerMenu({
  label,
  icon,
  items,
}: {
  label: string;
  icon: ReactNode;
  items: { key: string; text: string; selected: boolean; choose: () => void; lang?: string }[];
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const id = `menu-${label}`;
  return (
    <>
      <IconButton
        color="inherit"
        aria-label={label}
        aria-haspopup="menu"
        aria-controls={anchor ? id : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {icon}
      </IconButton>
      <Menu id={id} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {items.map((item) => (
          <MenuItem
            key={item.key}
            lang={item.lang}
            selected={item.selected}
            onClick={() => {
              item.choose();
              setAnchor(null);
            }}
          >
            {item.text}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/** The language and the colour scheme, switchable on every screen. */
export function Preferences() {
  const { t, language, setLanguage } = useTexts();
  const { mode, setMode } = useColorScheme();
  return (
    <>
      <PickerMenu
        label={t('app.language')}
        icon={<TranslateOutlined />}
        items={languages.map((item) => ({
          key: item,
          lang: item,
          text: t(`app.languageName.${item}`),
          selected: item === language,
          choose: () => setLanguage(item),
        }))}
      />
      <PickerMenu
        label={t('app.theme')}
        icon={<BrightnessMediumOutlined />}
        items={modes.map((item) => ({
          key: item,
          text: t(`app.themeName.${item}`),
          selected: item === (mode ?? 'system'),
          choose: () => setMode(item),
        }))}
      />
    </>
  );
}
