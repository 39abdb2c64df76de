// The account screen: log-out (the API refuses the token from then on), password change, and
// deleting the account with an explicit confirmation. Each ends the session in this tab.

import { ApiError } from "./api.js";
import { clearErrors, showFailure, showFieldError } from "./forms.js";
import { t } from "./i18n.js";
import { $, clearNotices, show } from "./screen.js";

/**
 * {@code api()} is the API client; {@code submitting(form, action)} disables the form while it
 * runs; {@code endSession(noticeKey, email)} forgets the session and shows the log-in screen.
 */
export function bindAccount({ api, submitting, endSession, openShelf }) {
  $("to-account").addEventListener("click", () => {
    clearNotices();
    clearErrors($("password-form"));
    clearErrors($("delete-form"));
    show("account");
  });
  $("account-back").addEventListener("click", () => {
    clearNotices();
    openShelf();
  });
  $("logout").addEventListener("click", async () => {
    const button = $("logout");
    button.disabled = true;
    try {
      await api().logOut();
    } catch {
      // refused (already invalid) or unreachable: this tab forgets the token either way
    } finally {
      button.disabled = false;
      endSession("nav.loggedOut");
    }
  });
  $("password-form").addEventListener("submit", (event) => onChangePassword(event, api, submitting, endSession));
  $("delete-form").addEventListener("submit", (event) => onDelete(event, api, submitting, endSession));
}

function wrongPassword(form, field, error) {
  if (error instanceof ApiError && error.wrongPassword) {
    showFieldError(form, field, error.problem.message);
    form.elements.namedItem(field).focus();
    return true;
  }
  return false;
}

async function onChangePassword(event, api, submitting, endSession) {
  event.preventDefault();
  const form = event.currentTarget;
  clearErrors(form);
  clearNotices();
  await submitting(form, async () => {
    try {
      await api().changePassword(form.elements.namedItem("currentPassword").value,
        form.elements.namedItem("newPassword").value);
      form.reset();
      endSession("account.password.done");
    } catch (error) {
      showFailure(form, error);
      wrongPassword(form, "currentPassword", error);
    }
  });
}

async function onDelete(event, api, submitting, endSession) {
  event.preventDefault();
  const form = event.currentTarget;
  clearErrors(form);
  clearNotices();
  if (!form.elements.namedItem("confirm").checked) {
    showFieldError(form, "confirm", t("account.delete.confirmRequired"));
    $("delete-confirm").focus();
    return;
  }
  await submitting(form, async () => {
    try {
      await api().deleteAccount(form.elements.namedItem("password").value);
      form.reset();
      endSession("account.delete.done", false);
    } catch (error) {
      showFailure(form, error);
      wrongPassword(form, "password", error);
    }
  });
}

