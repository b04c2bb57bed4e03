// The BigQuery advanced service as the org build sees it: a global only where the manifest enables it (dist-org), so
// it may be undefined, and typed by the narrow port.
import type { BigQueryPort } from "./ports";

declare global {
  const BigQuery: BigQueryPort | undefined;
}
