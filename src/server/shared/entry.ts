// What a global entry point is: the build writes a top-level stub for each (surface.ts lists them all), with its
// parameters, and the JSDoc Sheets shows as argument help for custom functions.
export type EntryKind = "trigger" | "menu" | "rpc" | "custom";

export interface EntryPoint {
  readonly name: string;
  readonly kind: EntryKind;
  readonly params: readonly string[];
  /** JSDoc lines for custom functions (Sheets shows them as argument help); `@customfunction` is added. */
  readonly doc?: readonly string[];
}
