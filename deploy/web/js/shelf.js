// Renders the shelf's books. User data only ever goes through textContent and attributes.

import { t } from "./i18n.js";

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function stars(rating) {
  return "★".repeat(rating) + "☆".repeat(5 - rating);
}

/** One list item; {@code actions} receives edit/remove clicks for this book. */
export function renderBook(book, actions) {
  const item = el("li", { class: "book", "data-testid": "book-item", "data-book-id": book.id });
  const main = el("div", { class: "book-main" });
  main.append(
    el("span", { class: "book-title", "data-testid": "book-title" }, book.title),
    el("span", { class: "visually-hidden" }, `${t("book.by")}:`),
    el("span", { class: "book-author", "data-testid": "book-author" }, book.author)
  );
  const meta = el("div", { class: "book-meta" });
  meta.append(el("span", {
    class: `badge status-${book.status}`, "data-testid": "book-status", "data-status": book.status
  }, t(`status.${book.status}`)));
  if (book.rating) {
    meta.append(el("span", {
      class: "rating", role: "img", "data-testid": "book-rating", "data-rating": String(book.rating),
      "aria-label": `${t("book.rating")} ${book.rating}/5`
    }, stars(book.rating)));
  }
  if (book.isbn) {
    meta.append(el("span", { class: "isbn", "data-testid": "book-isbn" }, `ISBN ${book.isbn}`));
  }
  item.append(main, meta);
  if (book.note) {
    item.append(el("p", { class: "book-note", "data-testid": "book-note" }, book.note));
  }
  item.append(actionRow(book, actions), confirmRow(book, actions));
  return item;
}

function actionRow(book, actions) {
  const row = el("div", { class: "book-actions" });
  const edit = el("button", {
    type: "button", class: "secondary", "data-testid": "book-edit", "aria-label": `${t("book.edit")}: ${book.title}`
  }, t("book.edit"));
  const remove = el("button", {
    type: "button", class: "danger", "data-testid": "book-remove", "aria-label": `${t("book.remove")}: ${book.title}`
  }, t("book.remove"));
  edit.addEventListener("click", () => actions.edit(book));
  remove.addEventListener("click", () => {
    row.hidden = true;
    row.nextElementSibling.hidden = false;
    row.nextElementSibling.querySelector("button").focus();
  });
  row.append(edit, remove);
  return row;
}

function confirmRow(book, actions) {
  const row = el("div", { class: "book-confirm", "data-testid": "book-remove-confirmation", role: "group" });
  row.hidden = true;
  const yes = el("button", { type: "button", class: "danger", "data-testid": "book-remove-confirm" },
    t("book.removeConfirm"));
  const no = el("button", { type: "button", class: "secondary", "data-testid": "book-remove-cancel" },
    t("book.removeCancel"));
  yes.addEventListener("click", () => actions.remove(book, yes));
  no.addEventListener("click", () => {
    row.hidden = true;
    row.previousElementSibling.hidden = false;
  });
  row.append(el("span", {}, t("book.removeQuestion")), yes, no);
  return row;
}
