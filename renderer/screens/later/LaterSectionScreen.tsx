import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SectionId } from '../../app/sections';
import { EmptyState } from '../../ui/EmptyState';

/** A section the product will have but this release does not: said plainly, with a way on. */
export function LaterSectionScreen({ section }: { section: Exclude<SectionId, 'patients' | 'settings'> }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      headingLevel="h1"
      title={t('later.title', { section: t(`nav.${section}`) })}
      hint={t('later.body')}
      action={
        <Button component={RouterLink} to="/patients" variant="contained">
          {t('later.toPatients')}
        </Button>
      }
    />
  );
}
