/** A text in both of the product's languages; `{name}` placeholders are filled from params. */
export interface LocalizedText {
  ru: string;
  en: string;
}

/**
 * One feature's error codes (`shared/errors/codes/<feature>.ts`): every code starts with one of
 * the feature's prefixes (`patient.…`), or is one of the few bare codes named in `Bare`, so a code
 * put in the wrong feature's file fails the type check.
 */
export type CodeEntries<Prefix extends string, Bare extends string = never> = Record<
  `${Prefix}.${string}` | Bare,
  LocalizedText
>;
