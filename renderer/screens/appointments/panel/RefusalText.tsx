import { isErrorCode, localize } from '../../../../shared/errors/catalog';
import { FieldMessage } from '../../../forms/FieldMessage';

/** The server's refusal in words, with its code in small print; an unknown code is shown as it is. */
export function RefusalText({ code }: { code: string | null }) {
  if (!code) return null;
  return <FieldMessage problem={{ code, message: isErrorCode(code) ? localize(code) : { ru: code, en: code } }} />;
}
