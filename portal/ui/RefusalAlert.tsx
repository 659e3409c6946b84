import Alert from '@mui/material/Alert';
import type { GeneralProblem } from '../forms/refusal';
import { ProblemText } from './ProblemText';

/** What the server refused that belongs to no field: its words, and its code in small print. */
export function RefusalAlert({ problems }: { problems: readonly GeneralProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert severity="error" role="alert">
      {problems.map((item) => (
        <div key={item.code}>
          <ProblemText problem={item} />
        </div>
      ))}
    </Alert>
  );
}
