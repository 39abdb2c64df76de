// The Bookshelf web client: wires the screens (log in, sign up, shelf, editor) to the API.

import { bindAccount } from "./account.js";
import { ApiError, createApi } from "./api.js";
import { readConfig } from "./config.js";
import { addBody, changesFrom, fillEditor } from "./editor.js";
import { clearErrors, formError, showFailure, showFieldError, showMessage, trimmed } from "./forms.js";
import { language, setLanguage, t, translatePage } from "./i18n.js";
import { clearSession, loadSession, saveSession } from "./session.js";
import { $, clearNotices, notify, show, showAccount, showGlobalFailure } from "./screen.js";
import { renderBook } from "./shelf.js";

const state = { session: null, filter: "", books: [], nextCursor: null, editing: null, generation: 0 };
let api;
let config;

function updateAccount() {
  showAccount(state.session?.account);
}

function sessionExpired() {
  clearSession();
  state.session = null;
  state.books = [];
  updateAccount();
  clearNotices();
  show("login");
  notify("error.sessionExpired", "warning");
}

async function submitting(form, action) {
  const button = form.querySelector('[type="submit"]');
  button.disabled = true;
  form.setAttribute("aria-busy", "true");
  try {
    await action();
  } finally {
    button.disabled = false;
    form.removeAttribute("aria-busy");
  }
}

async function onLogin(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearErrors(form);
  clearNotices();
  await submitting(form, async () => {
    try {
      const { data } = await api.logIn(trimmed(form, "email"), form.elements.namedItem("password").value);
      state.session = saveSession(data);
      form.reset();
      updateAccount();
      openShelf();
    } catch (error) {
      showFailure(form, error);
    }
  });
}

async function onSignUp(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearErrors(form);
  clearNotices();
  await submitting(form, async () => {
    try {
      const email = trimmed(form, "email");
      await api.signUp(email, form.elements.namedItem("password").value, trimmed(form, "displayName"));
      form.reset();
      show("login");
      $("login-email").value = email;
      $("login-password").focus();
      notify("signup.done");
    } catch (error) {
      showFailure(form, error);
      if (error instanceof ApiError && error.status === 409) {
        showFieldError(form, "email", error.problem.message);
      }
    }
  });
}

function openShelf() {
  show("shelf");
  loadBooks(true);
}

async function loadBooks(reset) {
  const generation = ++state.generation;
  const list = $("book-list");
  if (reset) {
    state.books = [];
    state.nextCursor = null;
    list.replaceChildren();
  }
  list.dataset.state = "loading";
  $("shelf-loading").hidden = false;
  $("load-more").hidden = true;
  try {
    const { data } = await api.listBooks({ status: state.filter, cursor: state.nextCursor, limit: config.pageSize });
    if (generation !== state.generation) {
      return;
    }
    state.books.push(...data.items);
    state.nextCursor = data.nextCursor;
    list.append(...data.items.map((book) => renderBook(book, bookActions)));
  } catch (error) {
    if (generation === state.generation) {
      showGlobalFailure(error);
    }
  } finally {
    if (generation === state.generation) {
      $("shelf-loading").hidden = true;
      $("load-more").hidden = !state.nextCursor;
      $("shelf-empty").hidden = state.books.length > 0;
      list.dataset.state = "ready";
    }
  }
}

function renderShelf() {
  $("book-list").replaceChildren(...state.books.map((book) => renderBook(book, bookActions)));
}

const bookActions = {
  edit: (book) => openEditor(book),
  remove: async (book, button) => {
    clearNotices();
    button.disabled = true;
    try {
      await api.removeBook(book.id);
      notify("book.removed");
      state.books = state.books.filter((b) => b.id !== book.id);
      renderShelf();
      $("shelf-empty").hidden = state.books.length > 0;
    } catch (error) {
      button.disabled = false;
      showGlobalFailure(error);
      if (error instanceof ApiError && error.status === 404) {
        loadBooks(true);
      }
    }
  }
};

function setEditorHeading(key) {
  $("editor-heading").dataset.i18n = key;
  $("editor-heading").textContent = t(key);
}

function openEditor(book) {
  const form = $("editor-form");
  clearErrors(form);
  clearNotices();
  fillEditor(form, book);
  setEditorHeading(book ? "editor.editHeading" : "editor.addHeading");
  state.editing = book ? { book, etag: `"${book.version}"` } : null;
  show("editor");
  $("editor-title").focus();
  if (book) {
    reloadEditing(form);
  } else {
    form.dataset.state = "ready";
  }
}

/** Fetches the current book and its ETag into the form; true when it could. */
async function reloadEditing(form) {
  const id = state.editing.book.id;
  form.dataset.state = "loading";
  $("editor-save").disabled = true;
  try {
    const { data, etag } = await api.getBook(id);
    state.editing = { book: data, etag: etag || `"${data.version}"` };
    fillEditor(form, data);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      openShelf();
    }
    showGlobalFailure(error);
    return false;
  } finally {
    $("editor-save").disabled = false;
    form.dataset.state = "ready";
  }
}

async function onSave(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearErrors(form);
  clearNotices();
  await submitting(form, () => (state.editing ? saveChanges(form) : addBook(form)));
}

async function addBook(form) {
  try {
    await api.addBook(addBody(form));
    notify("editor.added");
    openShelf();
  } catch (error) {
    showFailure(form, error);
  }
}

async function saveChanges(form) {
  const { book, etag } = state.editing;
  const changes = changesFrom(form, book);
  if (Object.keys(changes).length === 0) {
    notify("editor.unchanged");
    openShelf();
    return;
  }
  try {
    await api.updateBook(book.id, etag, changes);
    state.editing = null;
    notify("editor.saved");
    openShelf();
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) {
      if (await reloadEditing(form)) {
        showMessage(formError(form), t("error.conflict"));
      }
      return;
    }
    if (error instanceof ApiError && error.status === 404) {
      openShelf();
      showGlobalFailure(error);
      return;
    }
    showFailure(form, error);
  }
}

function switchLanguage() {
  setLanguage(language() === "ko" ? "en" : "ko");
  applyLanguage();
  if (state.session) {
    renderShelf();
  }
}

function applyLanguage() {
  translatePage();
  $("lang-toggle").lang = language() === "ko" ? "en" : "ko";
}

function bind() {
  $("login-form").addEventListener("submit", onLogin);
  $("signup-form").addEventListener("submit", onSignUp);
  $("editor-form").addEventListener("submit", onSave);
  $("to-signup").addEventListener("click", () => {
    clearNotices();
    show("signup");
  });
  $("to-login").addEventListener("click", () => {
    clearNotices();
    show("login");
  });
  $("add-book").addEventListener("click", () => openEditor(null));
  $("editor-cancel").addEventListener("click", () => {
    state.editing = null;
    clearNotices();
    show("shelf");
  });
  $("load-more").addEventListener("click", () => loadBooks(false));
  $("status-filter").addEventListener("change", (event) => {
    state.filter = event.currentTarget.value;
    clearNotices();
    loadBooks(true);
  });
  bindAccount({ api: () => api, submitting, endSession, openShelf });
}

/** Forgets the session in this tab and shows the log-in screen with a notice. */
function endSession(noticeKey, keepEmail = true) {
  const email = keepEmail ? state.session?.account?.email || "" : "";
  clearSession();
  state.session = null;
  state.books = [];
  updateAccount();
  clearNotices();
  show("login");
  $("login-email").value = email;
  notify(noticeKey);
}

function start() {
  $("lang-toggle").addEventListener("click", switchLanguage);
  applyLanguage();
  try {
    config = readConfig();
  } catch {
    showMessage($("global-error"), t("error.config"));
    $("app").dataset.ready = "true";
    return;
  }
  api = createApi({ baseUrl: config.apiBaseUrl, language, token: () => state.session?.token, onSessionExpired: sessionExpired });
  bind();
  state.session = loadSession();
  updateAccount();
  if (state.session) {
    openShelf();
  } else {
    show("login");
  }
  $("app").dataset.ready = "true";
}

start();
