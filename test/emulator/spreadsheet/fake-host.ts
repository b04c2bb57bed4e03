// A minimal host for this folder's tests: custom functions are plain functions, Ui and toasts are recorded.
import type { UiPort } from "../../../src/workbook/shared/ports";
import { CallCounter } from "../counter";
import type { SpreadsheetHost } from "./host";
import { createSpreadsheet, createSpreadsheetApp, type FakeSpreadsheet } from "./spreadsheet";

export interface FakeHost extends SpreadsheetHost {
  user: string;
  inCustomFunction: boolean;
  functions: Record<string, (...args: unknown[]) => unknown>;
  calls: { name: string; args: unknown[] }[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  clock: Date;
}

export function fakeHost(functions: Record<string, (...args: unknown[]) => unknown> = {}): FakeHost {
  const host: FakeHost = {
    counter: new CallCounter(),
    user: "owner@example.com",
    inCustomFunction: false,
    functions,
    calls: [],
    toasts: [],
    clock: new Date("2026-03-02T08:00:00Z"),
    readOnly: () => host.inCustomFunction,
    activeUserEmail: () => host.user,
    ui: () => ({ marker: "ui" }) as unknown as UiPort,
    toast: (message, title, timeoutSeconds) => {
      host.toasts.push({ message, title, timeoutSeconds });
    },
    customFunctionNames: () => Object.keys(host.functions).map((n) => n.toUpperCase()),
    callCustomFunction: (name, args) => {
      host.calls.push({ name, args });
      const fn = Object.entries(host.functions).find(([n]) => n.toUpperCase() === name)?.[1];
      if (!fn) throw new Error(`Unknown function ${name}`);
      host.inCustomFunction = true;
      try {
        return fn(...args);
      } finally {
        host.inCustomFunction = false;
      }
    },
    now: () => host.clock,
  };
  return host;
}

export function setup(
  functions: Record<string, (...args: unknown[]) => unknown> = {},
  options: { locale?: string; timeZone?: string } = {},
) {
  const host = fakeHost(functions);
  const ss: FakeSpreadsheet = createSpreadsheet(host, {
    name: "Test",
    locale: options.locale ?? "en_US",
    timeZone: options.timeZone ?? "Europe/Berlin",
    owner: "owner@example.com",
  });
  const app = createSpreadsheetApp(host, ss);
  const sheet = ss.getActiveSheet();
  host.counter.reset();
  return { host, ss, app, sheet };
}
