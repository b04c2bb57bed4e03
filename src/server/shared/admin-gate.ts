// The gate of the admin-only menu items: a non-admin who clicks one is told who can, and nothing else happens.
import { type Lang, t } from "../../domain/i18n";
import { menuCaption } from "../../domain/menu-captions";
import { isAdmin } from "../../domain/roles";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import { storedRoles } from "./store";
import { ownerOf } from "./workspace";
import { callerEmail } from "./write";

type Caption = Parameters<typeof menuCaption>[1];

/**
 * True when the caller is an admin (the roles in document properties, the owner always). Otherwise shows a toast
 * that names the item and the owner, and returns false: the caller writes nothing. A blank e-mail is no admin.
 */
export function adminOrExplain(ss: SpreadsheetPort, lang: Lang, caption: Caption): boolean {
  const owner = ownerOf(ss);
  const me = callerEmail();
  if (me !== "" && isAdmin(storedRoles(), owner, me)) return true;
  ss.toast(
    t(lang, "menu.adminOnly", { item: menuCaption(lang, caption), owner: owner || "—" }),
    t(lang, "app.name"),
    10,
  );
  return false;
}
