// The bearer session, kept in sessionStorage: it lasts for this tab only and ends with it.

const KEY = "bookshelf.session";

export function loadSession(now = Date.now()) {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(KEY));
    if (saved && typeof saved.token === "string" && Date.parse(saved.expiresAt) > now) {
      return saved;
    }
  } catch {
    // unreadable: treated as logged out
  }
  clearSession();
  return null;
}

export function saveSession(session) {
  const kept = {
    token: session.token,
    expiresAt: session.expiresAt,
    account: { email: session.account.email, displayName: session.account.displayName }
  };
  window.sessionStorage.setItem(KEY, JSON.stringify(kept));
  return kept;
}

export function clearSession() {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable: nothing to clear
  }
}
