// The HTTP client of the Bookshelf API (docs/API.md). Every call goes to the configured base URL
// from another origin, so the browser sends a CORS preflight for JSON bodies and Authorization.

/** The API answered with a problem (RFC 9457): status, localized message, per-field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.message || problem?.title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem || {};
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.sessionExpired = false;
  }
}

/** The request never got an answer the page may read: offline, wrong URL, or refused by CORS. */
export class NetworkError extends Error {
  constructor(cause) {
    super("network error");
    this.name = "NetworkError";
    this.cause = cause;
  }
}

export function createApi({ baseUrl, language, token, onSessionExpired }) {
  async function request(method, path, { body, ifMatch, auth = true, expireOn401 = true } = {}) {
    const headers = { Accept: "application/json", "Accept-Language": language() };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (auth && token()) {
      headers.Authorization = `Bearer ${token()}`;
    }
    if (ifMatch) {
      headers["If-Match"] = ifMatch;
    }
    let response;
    try {
      response = await fetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        mode: "cors",
        credentials: "omit",
        cache: "no-store"
      });
    } catch (e) {
      throw new NetworkError(e);
    }
    const data = await readJson(response);
    if (!response.ok) {
      const error = new ApiError(response.status, data);
      if (auth && expireOn401 && response.status === 401) {
        error.sessionExpired = true;
        onSessionExpired();
      }
      throw error;
    }
    return { status: response.status, data, etag: response.headers.get("ETag") };
  }

  /**
   * A call that checks the account's password: its 401 may mean a wrong password (the session
   * is fine) or a session the API no longer accepts; GET /me tells them apart.
   */
  async function withPassword(method, path, body) {
    try {
      return await request(method, path, { body, expireOn401: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        await request("GET", "/me");
        error.wrongPassword = true;
      }
      throw error;
    }
  }

  return {
    logOut: () => request("POST", "/auth/logout", { expireOn401: false }),
    changePassword: (currentPassword, newPassword) =>
      withPassword("PUT", "/me/password", { currentPassword, newPassword }),
    deleteAccount: (password) => withPassword("DELETE", "/me", { password }),
    signUp: (email, password, displayName) =>
      request("POST", "/auth/signup", { body: { email, password, displayName }, auth: false }),
    logIn: (email, password) => request("POST", "/auth/login", { body: { email, password }, auth: false }),
    listBooks: ({ status, cursor, limit }) => {
      const q = new URLSearchParams();
      if (status) q.set("status", status);
      if (limit) q.set("limit", String(limit));
      if (cursor) q.set("cursor", cursor);
      const query = q.toString();
      return request("GET", "/books" + (query ? `?${query}` : ""));
    },
    getBook: (id) => request("GET", `/books/${encodeURIComponent(id)}`),
    addBook: (fields) => request("POST", "/books", { body: fields }),
    updateBook: (id, etag, changes) =>
      request("PATCH", `/books/${encodeURIComponent(id)}`, { body: changes, ifMatch: etag }),
    removeBook: (id) => request("DELETE", `/books/${encodeURIComponent(id)}`)
  };
}

async function readJson(response) {
  if (response.status === 204) {
    return null;
  }
  try {
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
