// Form helpers: values, and showing problem details next to the fields they are about.

import { ApiError, NetworkError } from "./api.js";
import { t } from "./i18n.js";

export function showMessage(el, text) {
  el.textContent = text;
  el.hidden = !text;
}

export function clearErrors(form) {
  form.querySelectorAll("[data-error-for]").forEach((el) => showMessage(el, ""));
  form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  showMessage(formError(form), "");
}

export function formError(form) {
  return form.querySelector(".form-error");
}

/** Puts one message next to a field; false when the form has no such field. */
export function showFieldError(form, field, message) {
  const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
  if (!slot) {
    return false;
  }
  showMessage(slot, slot.textContent ? `${slot.textContent} ${message}` : message);
  form.elements.namedItem(field)?.setAttribute("aria-invalid", "true");
  return true;
}

/**
 * Shows an API failure on a form: per-field messages next to their fields, the localized
 * problem message (or a network notice) above the form. Focuses the first invalid field.
 */
export function showFailure(form, error) {
  if (error instanceof NetworkError) {
    showMessage(formError(form), t("error.network"));
    return;
  }
  if (!(error instanceof ApiError)) {
    showMessage(formError(form), t("error.unexpected"));
    return;
  }
  if (error.sessionExpired) {
    return;
  }
  const unplaced = [];
  for (const fe of error.fieldErrors) {
    if (!showFieldError(form, fe.field, fe.message)) {
      unplaced.push(fe.message);
    }
  }
  const general = error.problem.message || t("error.unexpected");
  showMessage(formError(form), [general, ...unplaced].join(" "));
  form.querySelector('[aria-invalid="true"]')?.focus();
}

export function trimmed(form, name) {
  return form.elements.namedItem(name).value.trim();
}
