// The add/edit form: filling it from a book, reading it as an add body or as a PATCH of changes.

import { trimmed } from "./forms.js";

const OPTIONAL = ["isbn", "rating", "note"];

export function fillEditor(form, book) {
  form.elements.namedItem("title").value = book?.title ?? "";
  form.elements.namedItem("author").value = book?.author ?? "";
  form.elements.namedItem("isbn").value = book?.isbn ?? "";
  form.elements.namedItem("status").value = book?.status ?? "WANT_TO_READ";
  form.elements.namedItem("rating").value = book?.rating ? String(book.rating) : "";
  form.elements.namedItem("note").value = book?.note ?? "";
}

function readEditor(form) {
  const rating = form.elements.namedItem("rating").value;
  const note = form.elements.namedItem("note").value;
  return {
    title: form.elements.namedItem("title").value,
    author: form.elements.namedItem("author").value,
    isbn: trimmed(form, "isbn") || null,
    status: form.elements.namedItem("status").value,
    rating: rating ? Number.parseInt(rating, 10) : null,
    note: note.trim() ? note : null
  };
}

/** The body of POST /books: optional fields only when given. */
export function addBody(form) {
  const values = readEditor(form);
  for (const name of OPTIONAL) {
    if (values[name] === null) {
      delete values[name];
    }
  }
  return values;
}

/** The body of PATCH /books/{id}: only what differs from the loaded book (null clears). */
export function changesFrom(form, book) {
  const values = readEditor(form);
  const changes = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== (book[name] ?? null)) {
      changes[name] = value;
    }
  }
  return changes;
}
