// The typed RPC client: rpc("rpcListCampaigns", {}) returns a Promise of exactly what the server function returns.
import type { ServerApi } from "../../server/api";

export type RpcName = keyof ServerApi;
export type RpcResult<K extends RpcName> = ReturnType<ServerApi[K]>;
type RunnerMethods = { readonly [K in RpcName]: (...args: Parameters<ServerApi[K]>) => void };

export function rpc<K extends RpcName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<RpcResult<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      // The bridge hands back the server's JSON-like value untyped; ServerApi is the contract that types it.
      .withSuccessHandler((value) => resolve(value as RpcResult<K>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    // Seen through a mapped type over K, `methods[name]` takes exactly `args` (TypeScript correlates the two);
    // it is called on the runner because the real bridge needs `this`.
    const methods: RunnerMethods = runner;
    methods[name].apply(runner, args);
  });
}

/** The message of a failure from the server (google.script.run passes an Error, or sometimes a plain string). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

/** A fresh ID for one submission; sent again unchanged, it lets the server recognise a repeat. */
export function newRequestId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  if (random) return random;
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
