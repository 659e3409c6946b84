import type { TextFieldProps } from '@mui/material/TextField';
import { formatRussianDate, isCalendarDate, parseRussianDate } from '../../../shared/domain/calendar-date';
import { onlyDigits, type DigitMask } from '../../forms/mask';
import { MaskedTextField } from '../../forms/MaskedTextField';
import { dateMask } from '../../forms/masks';

export const timeMask: DigitMask = { template: '__:__', digits: onlyDigits };

/** `ДД.ММ.ГГГГ` typed → ISO, or undefined when it is not a date (then the field says so). */
export function isoFromTyped(text: string): string | undefined {
  const iso = parseRussianDate(text);
  return iso && isCalendarDate(iso) ? iso : undefined;
}

export function typedFromIso(iso: string | null | undefined): string {
  return iso ? formatRussianDate(iso) : '';
}

/** A masked `ЧЧ:ММ` or `ДД.ММ.ГГГГ` field of the schedule's forms. */
export function MaskedField({
  kind,
  value,
  onChange,
  ...rest
}: Omit<TextFieldProps, 'value' | 'onChange'> & {
  kind: 'time' | 'date';
  value: string;
  onChange(value: string): void;
}) {
  return (
    <MaskedTextField
      {...rest}
      mask={kind === 'time' ? timeMask : dateMask}
      value={value}
      onChange={onChange}
      slotProps={{ htmlInput: { inputMode: 'numeric' }, inputLabel: { shrink: true } }}
    />
  );
}
