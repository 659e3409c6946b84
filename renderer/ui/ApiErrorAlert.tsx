import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { ReactNode } from 'react';
import { FieldMessage } from '../forms/FieldMessage';
import type { FieldProblem } from '../forms/field-problem';

/** What went wrong (in the current language, code in small print) and, in the title, where. */
export function ApiErrorAlert({
  title,
  problems,
  children,
}: {
  title: string;
  problems: readonly FieldProblem[];
  children?: ReactNode;
}) {
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{title}</AlertTitle>
      {problems.map((problem, index) => (
        <div key={`${problem.code}-${index}`}>
          <FieldMessage problem={problem} />
        </div>
      ))}
      {children}
    </Alert>
  );
}
