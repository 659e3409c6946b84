import Link from '@mui/material/Link';
import { useTexts } from '../i18n/use-texts';

/** The keyboard's way past the bars to the screen itself. */
export function SkipLink() {
  const { t } = useTexts();
  return (
    <Link
      href="#main"
      sx={{
        position: 'absolute',
        left: 8,
        top: -48,
        zIndex: 2000,
        p: 1,
        bgcolor: 'background.paper',
        '&:focus': { top: 8 },
      }}
    >
      {t('app.skipToContent')}
    </Link>
  );
}
