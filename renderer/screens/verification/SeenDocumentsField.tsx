import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seenDocumentTypes, type SeenDocumentType } from '../../../shared/domain/online-identity';
import { FieldMessage } from '../../forms/FieldMessage';
import type { FieldProblem } from '../../forms/field-problem';
import type { CardDocument, SeenDocumentChoice } from './seen-documents';

/**
 * The originals the clerk held in hand (B6): checkboxes for the card's documents, and a document
 * typed in when the card does not have it yet.
 */
export function SeenDocumentsField({
  cardDocuments,
  loading,
  chosen,
  onChange,
  problem,
}: {
  cardDocuments: readonly CardDocument[];
  loading: boolean;
  chosen: readonly SeenDocumentChoice[];
  onChange(chosen: SeenDocumentChoice[]): void;
  problem: FieldProblem | undefined;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  const [type, setType] = useState<SeenDocumentType>('passport');
  const [number, setNumber] = useState('');
  const typed = chosen.filter((choice) => choice.documentId === null);
  const group = useRef<HTMLDivElement>(null);
  const numberField = useRef<HTMLInputElement>(null);

  // Keyboard first: once the card's documents are in, the caret waits on the first one, or on the
  // number field when the card has none.
  useEffect(() => {
    if (!loading) (group.current?.querySelector('input') ?? numberField.current)?.focus();
  }, [loading]);

  const toggle = (document: CardDocument, checked: boolean) =>
    onChange(
      checked
        ? [...chosen, { type: document.type, number: document.label, documentId: document.id }]
        : chosen.filter((choice) => choice.documentId !== document.id),
    );
  const addTyped = () => {
    if (number.trim() === '') return;
    onChange([...chosen, { type, number: number.trim(), documentId: null }]);
    setNumber('');
  };

  return (
    <FormControl component="fieldset" error={problem !== undefined} sx={{ width: '100%' }}>
      <FormLabel component="legend" id={legendId}>
        {t('verification.dialog.documentsLegend')}
      </FormLabel>
      {loading && <CircularProgress size={24} aria-label={t('common.loading')} sx={{ my: 1 }} />}
      {!loading && cardDocuments.length === 0 && typed.length === 0 && (
        <Typography color="text.secondary" sx={{ my: 1 }}>
          {t('verification.dialog.noCardDocuments')}
        </Typography>
      )}
      <FormGroup aria-labelledby={legendId} ref={group}>
        {cardDocuments.map((document) => (
          <FormControlLabel
            key={document.id}
            control={
              <Checkbox
                checked={chosen.some((choice) => choice.documentId === document.id)}
                onChange={(event) => toggle(document, event.target.checked)}
              />
            }
            label={`${t(`documents.types.${document.type}`)} ${document.label}`}
          />
        ))}
        {typed.map((choice, index) => (
          <FormControlLabel
            key={`typed-${index}`}
            control={<Checkbox checked onChange={() => onChange(chosen.filter((other) => other !== choice))} />}
            label={`${t(`documents.types.${choice.type}`)} ${choice.number} (${t('verification.dialog.typed')})`}
          />
        ))}
      </FormGroup>
      <Box sx={{ display: 'flex', gap: 1.5, mt: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={t('verification.dialog.otherType')}
          value={type}
          onChange={(event) => setType(event.target.value as SeenDocumentType)}
          sx={{ minWidth: 260 }}
        >
          {seenDocumentTypes.map((option) => (
            <MenuItem key={option} value={option}>
              {t(`documents.types.${option}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={t('verification.dialog.otherNumber')}
          value={number}
          inputRef={numberField}
          onChange={(event) => setNumber(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the typed document (Ctrl+Enter still finishes the form).
            if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
            event.preventDefault();
            event.stopPropagation();
            addTyped();
          }}
          slotProps={{ htmlInput: { maxLength: 40 } }}
        />
        <Button variant="outlined" onClick={addTyped} disabled={number.trim() === ''}>
          {t('verification.dialog.addOther')}
        </Button>
      </Box>
      {problem && (
        <FormHelperText>
          <FieldMessage problem={problem} />
        </FormHelperText>
      )}
    </FormControl>
  );
}
