import { isErrorCode, type LocalizedText } from '../../shared/errors/catalog';
import { useTexts } from '../i18n/use-texts';
import { SmallPrint } from './SmallPrint';

/** A problem's words in the current language, and its catalogue code in small print for support. */
export function ProblemText({ problem }: { problem: { code: string; message: LocalizedText } }) {
  const { pick } = useTexts();
  return (
    <>
      <span>{pick(problem.message)}</span> {isErrorCode(problem.code) ? <SmallPrint>{problem.code}</SmallPrint> : null}
    </>
  );
}
