// The approval process's menu items: the My campaigns and Approvals sidebars.
import { showSidebar } from "../shared/html";

/** "My campaigns": opens the sidebar in the user's language (or the Settings override). */
export function menuShowCampaigns(): void {
  showSidebar("campaigns");
}

export function menuShowApprovals(): void {
  showSidebar("approvals");
}
