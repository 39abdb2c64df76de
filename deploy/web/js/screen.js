// The page around the screens: which screen shows, notices, page-wide errors, the account.

import { ApiError, NetworkError } from "./api.js";
import { showMessage } from "./forms.js";
import { t } from "./i18n.js";

const VIEWS = ["login", "signup", "shelf", "editor", "account"];

export const $ = (id) => document.getElementById(id);

/** Shows one screen and moves focus to its heading, so screen readers announce it. */
export function show(view) {
  for (const name of VIEWS) {
    $(`${name}-view`).hidden = name !== view;
  }
  $("app").dataset.view = view;
  $(`${view}-heading`).focus();
}

/** A notice by message key, so that it follows a language switch. */
export function notify(key, kind = "info") {
  const notice = $("notice");
  notice.dataset.i18n = key;
  notice.dataset.kind = kind;
  showMessage(notice, t(key));
}

export function clearNotices() {
  delete $("notice").dataset.i18n;
  showMessage($("notice"), "");
  showMessage($("global-error"), "");
}

/** A failure that belongs to no form; a 401 has already ended the session and says so itself. */
export function showGlobalFailure(error) {
  if (error instanceof ApiError && error.sessionExpired) {
    return;
  }
  let text = t("error.unexpected");
  if (error instanceof NetworkError) {
    text = t("error.network");
  } else if (error instanceof ApiError) {
    text = error.status === 404 ? t("error.notFound") : error.problem.message || text;
  }
  showMessage($("global-error"), text);
}

export function showAccount(account) {
  $("account-name").textContent = account ? account.displayName : "";
  $("account-name").hidden = !account;
  $("logout").hidden = !account;
  $("to-account").hidden = !account;
}
