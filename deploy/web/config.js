// Deploy-time configuration of the static client. Replace this file when uploading (see README.md).
// apiBaseUrl: the API's origin plus any stage/base path, without a trailing slash.
// pageSize (optional): books per page, 1..100 (the API's default is 20).
window.BOOKSHELF_CONFIG = {
  apiBaseUrl: "http://127.0.0.1:8080"
};
