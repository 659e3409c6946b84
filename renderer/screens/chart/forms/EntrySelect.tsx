import TextField from '@mui/material/TextField';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';

/**
 * A choice from a short list, as a native list box: arrows and letters choose without opening
 * it, Enter moves on (entry-form-keys), and a screen reader names it by its label.
 */
export function EntrySelect<V extends string>({
  label,
  value,
  options,
  labelOf,
  onChange,
  problem,
  blank,
  autoFocus,
}: {
  label: string;
  value: V | '';
  options: readonly V[];
  labelOf(option: V): string;
  onChange(value: V | ''): void;
  problem?: FieldProblem;
  /** The words of an empty choice, when one is allowed. */
  blank?: string;
  autoFocus?: boolean;
}) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as V | '')}
      fullWidth
      sx={{ mb: 1.5 }}
      autoFocus={autoFocus}
      error={problem !== undefined}
      helperText={problem ? <FieldMessage problem={problem} /> : ' '}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      {blank !== undefined && <option value="">{blank}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {labelOf(option)}
        </option>
      ))}
    </TextField>
  );
}
