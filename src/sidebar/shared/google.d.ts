// The google.script bridge as a sidebar sees it, typed from the server's API: only ServerApi's functions exist on
// the runner, with their real parameter types, so a misspelt name or a wrong argument does not compile.
import type { ServerApi } from "../../server/api";

type ScriptRunner = {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
} & { readonly [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => void };

declare global {
  const google: {
    readonly script: {
      readonly run: ScriptRunner;
      readonly host: { close(): void };
    };
  };
}
