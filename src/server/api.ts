// Every function the sidebars may call through google.script.run, with its request and response: the features'
// contracts put together. The sidebars import it as a type only (src/sidebar/shared/rpc.ts).
import type { AdminApi } from "./admin/api";
import type { ApprovalsApi } from "./approvals/api";
import type { EvaluationApi } from "./evaluation/api";
import type { SpendApi } from "./spend/api";

export interface ServerApi extends ApprovalsApi, AdminApi, SpendApi, EvaluationApi {}
