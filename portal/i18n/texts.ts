/**
 * The shape a translation must fill: exactly the keys of the Russian slice, any strings. Used with
 * `satisfies`, so a missing or an extra key in an English slice fails the type check.
 */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
