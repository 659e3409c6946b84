import Box from '@mui/material/Box';
import { useLanguage } from '../i18n/language';
import type { FieldProblem } from './field-problem';

/** A field's problem in words a clerk understands, with the code in small print for support. */
export function FieldMessage({ problem }: { problem: FieldProblem }) {
  const { pick } = useLanguage();
  return (
    <>
      <span>{pick(problem.message)}</span>{' '}
      <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.75em', fontFamily: 'monospace' }}>
        {problem.code}
      </Box>
    </>
  );
}
