import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';

/** A labelled group of on/off choices (several may be on): chips that say whether they are pressed. */
export function ToggleChips<T extends string>({
  label,
  options,
  chosen,
  onChange,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
}) {
  const id = useId();
  return (
    <Stack spacing={0.5} role="group" aria-labelledby={id}>
      <Typography id={id} variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {options.map((option) => {
          const on = chosen.includes(option.value);
          return (
            <Chip
              key={option.value}
              label={option.label}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              aria-pressed={on}
              onClick={() =>
                onChange(on ? chosen.filter((value) => value !== option.value) : [...chosen, option.value])
              }
              sx={{ minHeight: 36 }}
            />
          );
        })}
      </Stack>
    </Stack>
  );
}
