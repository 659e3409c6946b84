import { useLanguage } from '../i18n/language';
import { SmallPrint } from '../ui/SmallPrint';
import type { FieldProblem } from './field-problem';

/** A field's problem in words a clerk understands, with the code in small print for support. */
export function FieldMessage({ problem }: { problem: FieldProblem }) {
  const { pick } = useLanguage();
  return (
    <>
      <span>{pick(problem.message)}</span> <SmallPrint>{problem.code}</SmallPrint>
    </>
  );
}
