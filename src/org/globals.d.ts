// The services only the org build's manifest enables, as the org build sees them: the BigQuery advanced service (a
// global only where the manifest enables it, so it may be undefined) and FormApp (usable only with the `forms` scope
// of dist-org's manifest), each typed by its narrow port.
import type { BigQueryPort, FormAppPort } from "./ports";

declare global {
  const BigQuery: BigQueryPort | undefined;
  const FormApp: FormAppPort | undefined;
}
