// The request fields the RPC contracts share, so text, IDs and request IDs are held to one rule whichever sidebar
// sends them. Zod only, nothing of Apps Script: the sidebars type-check the contracts that use these.
import * as z from "zod/mini";
import { TEXT_MAX } from "../../domain/records";

export const text = (max = TEXT_MAX) => z.string().check(z.maxLength(max));
export const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
/** Client-made request IDs make a resent submission recognisable; letters, digits and dashes only. */
export const requestId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));
