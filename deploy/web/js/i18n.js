// UI text in Korean (default) and English. The chosen language is also sent as Accept-Language.

const STORAGE_KEY = "bookshelf.lang";

const TEXT = {
  ko: {
    "app.title": "내 책장",
    "lang.switch": "English",
    "lang.switch.label": "Switch to English",
    "nav.logout": "로그아웃",
    "nav.account": "내 계정",
    "nav.loggedOut": "로그아웃했습니다.",
    "account.heading": "내 계정",
    "account.password.heading": "비밀번호 바꾸기",
    "account.password.submit": "비밀번호 바꾸기",
    "account.password.done": "비밀번호를 바꿨습니다. 새 비밀번호로 다시 로그인해 주세요.",
    "account.delete.heading": "계정 삭제",
    "account.delete.explain": "계정과 책장의 모든 책이 영구히 지워집니다. 되돌릴 수 없습니다.",
    "account.delete.confirm": "계정과 모든 책이 지워진다는 것을 이해했습니다.",
    "account.delete.confirmRequired": "삭제하려면 확인란을 선택해 주세요.",
    "account.delete.submit": "계정 삭제",
    "account.delete.done": "계정과 모든 책을 삭제했습니다.",
    "account.back": "책장으로 돌아가기",
    "field.currentPassword": "현재 비밀번호",
    "field.newPassword": "새 비밀번호",
    "nav.signedInAs": "로그인:",
    "login.heading": "로그인",
    "login.submit": "로그인",
    "login.toSignup": "계정이 없으신가요? 가입하기",
    "signup.heading": "가입하기",
    "signup.submit": "가입하기",
    "signup.toLogin": "이미 계정이 있으신가요? 로그인",
    "signup.done": "가입되었습니다. 로그인해 주세요.",
    "field.email": "이메일",
    "field.password": "비밀번호",
    "field.password.hint": "8자 이상",
    "field.displayName": "이름",
    "field.title": "제목",
    "field.author": "저자",
    "field.isbn": "ISBN",
    "field.status": "읽기 상태",
    "field.rating": "평점",
    "field.note": "메모",
    "rating.none": "없음",
    "status.ALL": "전체",
    "status.WANT_TO_READ": "읽고 싶은 책",
    "status.READING": "읽는 중",
    "status.READ": "다 읽음",
    "shelf.heading": "내 책장",
    "shelf.filter": "상태별 보기",
    "shelf.add": "책 추가",
    "shelf.empty": "아직 책이 없습니다. 첫 책을 추가해 보세요.",
    "shelf.more": "더 보기",
    "shelf.loading": "불러오는 중…",
    "book.by": "저자",
    "book.rating": "평점",
    "book.edit": "수정",
    "book.remove": "삭제",
    "book.removeConfirm": "정말 삭제",
    "book.removeCancel": "취소",
    "book.removeQuestion": "이 책을 삭제할까요?",
    "book.removed": "책을 삭제했습니다.",
    "editor.addHeading": "책 추가",
    "editor.editHeading": "책 수정",
    "editor.save": "저장",
    "editor.cancel": "취소",
    "editor.added": "책을 추가했습니다.",
    "editor.saved": "저장했습니다.",
    "editor.unchanged": "변경된 내용이 없습니다.",
    "error.network": "서버에 연결할 수 없습니다. 네트워크 상태나 API 주소(config.js), 허용된 출처(CORS) 설정을 확인해 주세요.",
    "error.conflict": "그사이 다른 곳에서 이 책이 변경되어 최신 내용을 다시 불러왔습니다. 확인한 뒤 다시 저장해 주세요.",
    "error.sessionExpired": "세션이 만료되었습니다. 다시 로그인해 주세요.",
    "error.notFound": "이 책을 찾을 수 없습니다. 이미 삭제되었을 수 있습니다.",
    "error.unexpected": "알 수 없는 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.",
    "error.config": "설정 파일(config.js)에 API 주소가 없습니다."
  },
  en: {
    "app.title": "My Bookshelf",
    "lang.switch": "한국어",
    "lang.switch.label": "한국어로 보기",
    "nav.logout": "Log out",
    "nav.account": "My account",
    "nav.loggedOut": "You have logged out.",
    "account.heading": "My account",
    "account.password.heading": "Change password",
    "account.password.submit": "Change password",
    "account.password.done": "Your password was changed. Please log in again with the new one.",
    "account.delete.heading": "Delete account",
    "account.delete.explain": "Your account and every book on your shelf are erased for good. This cannot be undone.",
    "account.delete.confirm": "I understand that my account and all my books will be erased.",
    "account.delete.confirmRequired": "Tick the box to confirm the deletion.",
    "account.delete.submit": "Delete my account",
    "account.delete.done": "Your account and all your books were deleted.",
    "account.back": "Back to my shelf",
    "field.currentPassword": "Current password",
    "field.newPassword": "New password",
    "nav.signedInAs": "Signed in as",
    "login.heading": "Log in",
    "login.submit": "Log in",
    "login.toSignup": "No account yet? Sign up",
    "signup.heading": "Sign up",
    "signup.submit": "Sign up",
    "signup.toLogin": "Already have an account? Log in",
    "signup.done": "Your account is ready. Please log in.",
    "field.email": "Email",
    "field.password": "Password",
    "field.password.hint": "At least 8 characters",
    "field.displayName": "Name",
    "field.title": "Title",
    "field.author": "Author",
    "field.isbn": "ISBN",
    "field.status": "Reading status",
    "field.rating": "Rating",
    "field.note": "Note",
    "rating.none": "None",
    "status.ALL": "All",
    "status.WANT_TO_READ": "Want to read",
    "status.READING": "Reading",
    "status.READ": "Read",
    "shelf.heading": "My Bookshelf",
    "shelf.filter": "Show by status",
    "shelf.add": "Add a book",
    "shelf.empty": "No books yet. Add your first one.",
    "shelf.more": "More",
    "shelf.loading": "Loading…",
    "book.by": "Author",
    "book.rating": "Rating",
    "book.edit": "Edit",
    "book.remove": "Remove",
    "book.removeConfirm": "Yes, remove",
    "book.removeCancel": "Cancel",
    "book.removeQuestion": "Remove this book?",
    "book.removed": "The book was removed.",
    "editor.addHeading": "Add a book",
    "editor.editHeading": "Edit the book",
    "editor.save": "Save",
    "editor.cancel": "Cancel",
    "editor.added": "The book was added.",
    "editor.saved": "Saved.",
    "editor.unchanged": "Nothing was changed.",
    "error.network": "Cannot reach the server. Check the network, the API address (config.js) and the allowed origins (CORS).",
    "error.conflict": "Someone changed this book in the meantime, so it was reloaded. Check it and save again.",
    "error.sessionExpired": "Your session has expired. Please log in again.",
    "error.notFound": "This book cannot be found. It may have been removed already.",
    "error.unexpected": "Something went wrong. Please try again in a moment.",
    "error.config": "The configuration file (config.js) does not name the API address."
  }
};

export const LANGUAGES = Object.freeze(["ko", "en"]);

let current = initialLanguage();

function initialLanguage() {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(saved) ? saved : "ko";
  } catch {
    return "ko";
  }
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) {
    return;
  }
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function t(key) {
  return TEXT[current][key] ?? TEXT.ko[key] ?? key;
}

/** Fills every element marked with data-i18n (text) or data-i18n-aria-label. */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  document.title = t("app.title");
  root.querySelectorAll("[data-i18n]").forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll("[data-i18n-aria-label]").forEach((el) => {
    el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  });
}
