// Reads the deploy-time configuration set by /config.js. The only place the API URL comes from.

export function readConfig(raw = window.BOOKSHELF_CONFIG) {
  if (!raw || typeof raw.apiBaseUrl !== "string" || raw.apiBaseUrl.trim() === "") {
    throw new Error("config.js must set window.BOOKSHELF_CONFIG.apiBaseUrl");
  }
  const apiBaseUrl = raw.apiBaseUrl.trim().replace(/\/+$/, "");
  const size = Number.parseInt(raw.pageSize, 10);
  const pageSize = Number.isInteger(size) && size >= 1 && size <= 100 ? size : 20;
  return Object.freeze({ apiBaseUrl, pageSize });
}
