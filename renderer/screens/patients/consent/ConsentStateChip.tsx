import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { ConsentStateReason } from '../../../../shared/domain/consent';

const color = { valid: 'success', withdrawn: 'error', none: 'warning' } as const;

/**
 * Whether the patient's data may go online (B8): «Согласие действует», «Согласие отозвано» or
 * «Согласия нет», for the consent tab and the card's header.
 */
export function ConsentStateChip({
  reason,
  size = 'medium',
}: {
  reason: ConsentStateReason;
  size?: 'small' | 'medium';
}) {
  const { t } = useTranslation();
  return <Chip label={t(`consent.state.${reason}`)} color={color[reason]} size={size} />;
}
