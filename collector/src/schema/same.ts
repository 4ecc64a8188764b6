/** True when A and B accept the same values and have the same top-level keys (so an optional field cannot go missing). */
export type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

/** Compiles only when given `true`: the way the schemas prove they match the SDK's wire types. */
export type Agrees<T extends true> = T;
