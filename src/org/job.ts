// The export as a job of the add-on's one scheduled trigger: a standing job, so it runs last in every tick (after
// monitoring has rewritten the Monitor tab, where it adds its own row) and does nothing while export is off.
import { registerStandingJob } from "../server/shared/schedule";
import { EXPORT_JOB, exportJob } from "./export";

registerStandingJob(EXPORT_JOB, exportJob);
