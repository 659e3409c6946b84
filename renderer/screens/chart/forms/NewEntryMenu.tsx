import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartEntryKinds, type ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import { emptyValues } from './entry-models';
import { EntryFormDialog } from './EntryFormDialog';

/**
 * «Добавить»: a menu of the kinds a doctor writes, each opening its form. Inside an open
 * encounter (`encounterId`) the new entry belongs to it; an encounter itself never does.
 */
export function NewEntryMenu({
  patientId,
  encounterId = null,
  onRecorded,
}: {
  patientId: string;
  encounterId?: string | null;
  onRecorded(id: string): void;
}) {
  const { t } = useTranslation();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [open, setOpen] = useState<{ kind: ChartEntryKind; startedAt: Date } | null>(null);
  const close = () => {
    setOpen(null);
    button.current?.focus();
  };
  return (
    <>
      <Button
        ref={button}
        variant="contained"
        startIcon={<AddIcon />}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-controls={menuOpen ? menuId : undefined}
        aria-label={t('chartForms.addMenu')}
        onClick={() => setMenuOpen(true)}
      >
        {t('chartForms.add')}
      </Button>
      <Menu id={menuId} anchorEl={button.current} open={menuOpen} onClose={() => setMenuOpen(false)}>
        {chartEntryKinds.map((kind) => (
          <MenuItem
            key={kind}
            onClick={() => {
              setMenuOpen(false);
              setOpen({ kind, startedAt: new Date() });
            }}
          >
            {t(`chartForms.kinds.${kind}`)}
          </MenuItem>
        ))}
      </Menu>
      {open && (
        <EntryFormDialog
          kind={open.kind}
          initial={emptyValues(open.kind, open.startedAt)}
          patientId={patientId}
          target={{ mode: 'record', patientId, encounterId: open.kind === 'encounter' ? null : encounterId }}
          onClose={close}
          onSaved={(detail) => {
            close();
            onRecorded(detail.entry.id);
          }}
        />
      )}
    </>
  );
}
