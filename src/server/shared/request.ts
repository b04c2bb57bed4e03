// Request validation shared by every server function: zod finds what is wrong, and the message says it in words
// a developer reads (the sidebars never send a bad request, so whoever sees one is debugging or forging).
import * as z from "zod/mini";
import { asString, isArray, isObject } from "../../domain/builtins";
import { type Lang, t } from "../../domain/i18n";
import { userLang } from "./locale";

type Issue = z.core.$ZodIssue;

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (isArray(value)) return "array";
  return typeof value;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Issues as a developer-readable sentence: the sidebar never sends a bad request, so whoever sees this is debugging. */
export function describeIssues(issues: readonly Issue[], input: unknown): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "request";
      switch (issue.code) {
        case "invalid_type":
          return `${where}: expected ${issue.expected}, received ${kindOf(valueAt(input, issue.path))}`;
        case "too_small":
          return issue.origin === "string"
            ? `${where}: must not be empty`
            : `${where}: must be at least ${asString(issue.minimum)}`;
        case "too_big":
          return issue.origin === "string"
            ? `${where}: must be at most ${asString(issue.maximum)} characters`
            : `${where}: must be at most ${asString(issue.maximum)}`;
        case "unrecognized_keys":
          return `${where}: unknown ${issue.keys.length === 1 ? "field" : "fields"} ${issue.keys.join(", ")}`;
        case "invalid_value":
          return `${where}: must be one of ${issue.values.map(String).join(", ")}`;
        default:
          return `${where}: ${issue.code.replace(/_/g, " ")}`;
      }
    })
    .join("; ");
}

/**
 * `fn` names the server function in the message (its feature's contract types it; RPC in rpc.ts checks the set). The
 * language is the user's unless given, asked for on entry as the callers did before they left it out.
 */
export function parseRequest<S extends z.ZodMiniType>(
  fn: `rpc${string}`,
  schema: S,
  input: unknown,
  lang: Lang = userLang(),
): z.output<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) {
    throw Error(t(lang, "rpc.invalidRequest", { fn, details: describeIssues(result.error.issues, input) }));
  }
  return result.data;
}
