import { AppError } from './app-error';
import { localize, type LocalizedText } from './catalog';

/**
 * A failure as a command line prints it: both languages and the code for support. Takes our
 * AppError, or any error carrying a code and its texts (a server's refusal); anything else is
 * printed by its message.
 */
export function describeError(error: unknown): string {
  if (error instanceof AppError) return format(localize(error.code, error.params), error.code);
  if (error instanceof Error && 'code' in error && 'text' in error) {
    return format(error.text as LocalizedText, String(error.code));
  }
  return `${error instanceof Error ? error.message : String(error)}\n`;
}

function format(text: LocalizedText, code: string): string {
  return `${text.ru}\n${text.en}\n(${code})\n`;
}
