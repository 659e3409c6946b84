import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import RemoveCircleOutlinedIcon from '@mui/icons-material/RemoveCircleOutlined';
import List from '@mui/material/List';
import type { TFunction } from 'i18next';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scanRules, type ScanCheck, type ScanChecklist, type ScanRule } from '../../../../shared/scans/scan-checklist';
import { FieldMessage } from '../../../forms/FieldMessage';

/** Each rule's mark appears this long after the one before: the clerk sees them turn green one by one. */
const stepMs = 140;

function valueText(t: TFunction, check: ScanCheck): string {
  if (check.value === null) return t('scans.check.notMeasured');
  switch (check.rule) {
    case 'format':
      return String(check.value);
    case 'size': {
      const bytes = Number(check.value);
      const limit = (Number(check.limit) / 1024 / 1024).toFixed(0);
      return bytes < 1024 * 1024
        ? t('scans.check.sizeValueKb', { value: Math.max(1, Math.round(bytes / 1024)), limit })
        : t('scans.check.sizeValue', { value: (bytes / 1024 / 1024).toFixed(1), limit });
    }
    case 'resolution':
      return t('scans.check.dpiValue', { value: check.value, limit: check.limit });
    case 'brightness':
      return t('scans.check.brightnessValue', { value: check.value, limit: check.limit });
    case 'sharpness':
      return t('scans.check.sharpnessValue', { value: check.value, limit: check.limit });
  }
}

/**
 * The checks of B4 as a checklist (UX: scans): every rule waits while the file is being checked,
 * then turns green or red in turn, with what was measured and, when it fails, why.
 */
export function ScanChecklistView({ checklist, checking }: { checklist: ScanChecklist | null; checking: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(0);
  useEffect(() => {
    setShown(0);
    if (!checklist) return;
    const timer = window.setInterval(() => setShown((n) => (n >= scanRules.length ? n : n + 1)), stepMs);
    return () => window.clearInterval(timer);
  }, [checklist]);

  const byRule = new Map<ScanRule, ScanCheck>(checklist?.checks.map((check) => [check.rule, check]) ?? []);
  return (
    <List dense aria-label={t('scans.check.title')} aria-busy={checking}>
      {scanRules.map((rule, index) => {
        const check = index < shown ? byRule.get(rule) : undefined;
        const state = check?.status ?? (checking || checklist ? 'pending' : 'waiting');
        return (
          <ListItem key={rule} data-rule={rule} data-state={state} disableGutters>
            <ListItemIcon sx={{ minWidth: 36 }}>
              {state === 'passed' && <CheckCircleIcon color="success" titleAccess={t('scans.check.passed')} />}
              {state === 'failed' && <ErrorIcon color="error" titleAccess={t('scans.check.failed')} />}
              {state === 'skipped' && (
                <RemoveCircleOutlinedIcon color="disabled" titleAccess={t('scans.check.skipped')} />
              )}
              {(state === 'pending' || state === 'waiting') && (
                <HourglassEmptyIcon color="disabled" titleAccess={t('scans.check.pending')} />
              )}
            </ListItemIcon>
            <ListItemText
              primary={t(`scans.rules.${rule}`)}
              secondary={
                check ? (
                  check.error ? (
                    <FieldMessage problem={check.error} />
                  ) : (
                    valueText(t, check)
                  )
                ) : state === 'pending' ? (
                  t('scans.check.checking')
                ) : (
                  t(`scans.rules.${rule}Hint`)
                )
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
