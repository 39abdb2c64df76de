package dev.bookshelf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * The static web client (deploy/web) in a real browser, served from one loopback origin and
 * calling the API on another. A subclass says how to start the API (which transport) and names
 * the run; everything else, including what the browser must see, is the same for every transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebClientScenario {
    static final int PAGE_SIZE = 1;
    static final String PASSWORD = "책을 사랑하는 사람 2026";

    private StaticSite site;
    private ApiUnderTest api;
    private Chromium browser;
    private BookshelfUi ui;

    /** Names this run (transport) in screenshots: {@code target/screenshots/<runName>.png}. */
    protected abstract String runName();

    /** Starts the API so that it allows exactly {@code webOrigin}; closed after the class's tests. */
    protected abstract ApiUnderTest startApi(String webOrigin) throws Exception;

    @BeforeAll
    void startServers() throws Exception {
        Chromium.requireInstalled();
        site = StaticSite.serve(webRoot());
        api = startApi(site.origin());
        site.configure(api.baseUrl(), PAGE_SIZE);
    }

    @AfterAll
    void stopServers() throws Exception {
        try (StaticSite s = site; ApiUnderTest a = api) {
            // closed in reverse order by try-with-resources
        }
    }

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Chromium.start();
        ui = new BookshelfUi(browser.driver());
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void signUpLogInAddEditRemove_withAKoreanTitle_showsItExactlyAsTypedAfterSuccessfulPreflights() throws IOException {
        String email = newEmail();
        ui.open(site.origin() + "/");
        assertThat(ui.heading("login")).isEqualTo("로그인");

        ui.goToSignUp();
        ui.signUp(email, "short", "독자");
        ui.showing(By.id("signup-password-error"), "8자 이상이어야 합니다.");
        ui.showing(By.id("signup-form-error"), "입력값이 올바르지 않습니다. 표시된 항목을 확인해 주세요.");
        ui.signUp(email, PASSWORD, "독자");
        ui.waitForView("login");
        ui.showing(By.id("notice"), "가입되었습니다. 로그인해 주세요.");

        ui.logIn(email, PASSWORD);
        ui.waitForShelf();
        ui.showing(By.id("account-name"), "독자");
        ui.visible(By.id("shelf-empty"));

        ui.addBook("채식주의자", "한강", "WANT_TO_READ");
        var added = ui.book("채식주의자");
        assertThat(added.findElement(BookshelfUi.testId("book-title")).getText()).isEqualTo("채식주의자");
        assertThat(added.findElement(BookshelfUi.testId("book-title")).getDomProperty("textContent"))
                .isEqualTo("채식주의자");
        assertThat(added.findElement(BookshelfUi.testId("book-author")).getText()).isEqualTo("한강");
        assertThat(added.findElement(BookshelfUi.testId("book-status")).getText()).isEqualTo("읽고 싶은 책");

        ui.addBook("소년이 온다", "한강", "READ");
        assertThat(ui.titles()).containsExactly("소년이 온다");
        ui.loadAllPages();
        assertThat(ui.titles()).containsExactly("소년이 온다", "채식주의자");

        ui.openEditor("채식주의자");
        ui.chooseInEditor("status", "READING");
        ui.chooseInEditor("rating", "5");
        ui.save();
        ui.waitForShelf();
        ui.showing(By.id("notice"), "저장했습니다.");
        ui.loadAllPages();
        var edited = ui.book("채식주의자");
        assertThat(edited.findElement(BookshelfUi.testId("book-status")).getText()).isEqualTo("읽는 중");
        assertThat(edited.findElement(BookshelfUi.testId("book-rating")).getAttribute("data-rating")).isEqualTo("5");

        ui.filterBy("READING");
        assertThat(ui.titles()).containsExactly("채식주의자");
        ui.filterBy("");
        ui.loadAllPages();
        assertThat(ui.titles()).containsExactly("소년이 온다", "채식주의자");
        screenshot(runName());

        ui.remove("채식주의자");
        ui.showing(By.id("notice"), "책을 삭제했습니다.");
        assertThat(ui.titles()).containsExactly("소년이 온다");

        NetworkLog network = new NetworkLog().collect(browser.driver());
        var preflights = network.preflightsTo(api.baseUrl());
        assertThat(preflights).as("CORS preflights the browser sent: %s", network.exchanges())
                .anySatisfy(p -> assertThat(p.url()).isEqualTo(api.baseUrl() + "/auth/signup"))
                .anySatisfy(p -> assertThat(p.url()).isEqualTo(api.baseUrl() + "/books"))
                .anySatisfy(p -> assertThat(p.url()).matches("\\Q" + api.baseUrl() + "/books/\\E[^/?]+"))
                .allSatisfy(p -> {
                    assertThat(p.status()).isEqualTo(204);
                    assertThat(p.failure()).isNull();
                });
    }

    @Test
    void apiCalls_fromAnOriginNotOnTheAllowlist_areBlockedByTheBrowserAndTheUiSaysSo() throws Exception {
        String email = newEmail();
        assertThat(new ApiClient(api.baseUrl()).signUp(email, PASSWORD, "독자").status()).isEqualTo(201);
        ui.open(site.origin() + "/");
        assertThat(ui.fetchFromPage(api.baseUrl() + "/health")).isEqualTo("status 200");

        try (StaticSite stranger = StaticSite.serve(webRoot())) {
            stranger.configure(api.baseUrl(), PAGE_SIZE);
            ui.open(stranger.origin() + "/");
            assertThat(ui.fetchFromPage(api.baseUrl() + "/health")).startsWith("TypeError");

            ui.logIn(email, PASSWORD);
            ui.showing(By.id("login-form-error"), "서버에 연결할 수 없습니다. 네트워크 상태나 API 주소(config.js), "
                    + "허용된 출처(CORS) 설정을 확인해 주세요.");
            assertThat(ui.script("return sessionStorage.getItem('bookshelf.session')")).isNull();
            screenshot(runName() + "-blocked-origin");

            NetworkLog network = new NetworkLog().collect(browser.driver());
            assertThat(network.preflightsTo(api.baseUrl() + "/auth/login"))
                    .as("the refused preflight: %s", network.exchanges())
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.status() == 204 && p.failure() == null).isFalse());
        }
    }

    @Test
    void saving_afterSomeoneElseChangedTheBook_reloadsItAndExplainsTheConflict() throws Exception {
        String email = newEmail();
        ApiClient someoneElse = new ApiClient(api.baseUrl());
        someoneElse.signUp(email, PASSWORD, "독자");
        ui.open(site.origin() + "/");
        ui.logIn(email, PASSWORD);
        ui.addBook("작별하지 않는다", "한강", "WANT_TO_READ");
        ui.openEditor("작별하지 않는다");

        String token = someoneElse.logIn(email, PASSWORD);
        JsonNode book = someoneElse.listBooks(token).body().path("items").path(0);
        assertThat(someoneElse.patchBook(token, book.path("id").asText(), book.path("version").asLong(),
                Map.of("note", "다른 곳에서 쓴 메모")).status()).isEqualTo(200);

        ui.chooseInEditor("status", "READ");
        ui.save();
        ui.showing(By.id("editor-form-error"),
                "그사이 다른 곳에서 이 책이 변경되어 최신 내용을 다시 불러왔습니다. 확인한 뒤 다시 저장해 주세요.");
        assertThat(ui.visible(By.id("editor-note")).getDomProperty("value")).isEqualTo("다른 곳에서 쓴 메모");
        assertThat(ui.visible(By.id("editor-status")).getDomProperty("value")).isEqualTo("WANT_TO_READ");

        ui.chooseInEditor("status", "READ");
        ui.save();
        ui.waitForShelf();
        var saved = ui.book("작별하지 않는다");
        assertThat(saved.findElement(BookshelfUi.testId("book-status")).getText()).isEqualTo("다 읽음");
        assertThat(saved.findElement(BookshelfUi.testId("book-note")).getText()).isEqualTo("다른 곳에서 쓴 메모");
    }

    @Test
    void aSessionTheApiNoLongerAccepts_sendsThePersonBackToLoginWithANotice() throws Exception {
        String email = newEmail();
        new ApiClient(api.baseUrl()).signUp(email, PASSWORD, "독자");
        ui.open(site.origin() + "/");
        ui.logIn(email, PASSWORD);
        ui.waitForShelf();

        ui.script("const s = JSON.parse(sessionStorage.getItem('bookshelf.session'));"
                + "s.token = 'no.longer.valid'; sessionStorage.setItem('bookshelf.session', JSON.stringify(s));");
        browser.driver().navigate().refresh();

        ui.waitForView("login");
        ui.showing(By.id("notice"), "세션이 만료되었습니다. 다시 로그인해 주세요.");
        assertThat(ui.script("return sessionStorage.getItem('bookshelf.session')")).isNull();
    }

    @Test
    void signUp_inEnglish_withATakenEmail_showsTheApiMessageNextToTheEmailField() throws Exception {
        String email = newEmail();
        ApiClient other = new ApiClient(api.baseUrl());
        other.signUp(email, PASSWORD, "Reader");
        String taken = other.signUp(email, PASSWORD, "Reader").body().path("message").asText();
        assertThat(taken).isNotBlank();

        ui.open(site.origin() + "/");
        ui.switchLanguage();
        assertThat(ui.heading("login")).isEqualTo("Log in");
        assertThat(ui.script("return document.documentElement.lang")).isEqualTo("en");
        ui.goToSignUp();
        ui.signUp(email, PASSWORD, "Reader");

        ui.showing(By.id("signup-email-error"), taken);
        assertThat(ui.visible(By.id("signup-email")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void logOut_endsTheSessionInTheApiToo_soTheOldTokenIsRefused() throws Exception {
        String email = newEmail();
        ApiClient client = new ApiClient(api.baseUrl());
        client.signUp(email, PASSWORD, "독자");
        ui.open(site.origin() + "/");
        ui.logIn(email, PASSWORD);
        ui.waitForShelf();
        String token = (String) ui.script("return JSON.parse(sessionStorage.getItem('bookshelf.session')).token");
        assertThat(client.me(token).status()).isEqualTo(200);

        ui.logOut();

        ui.waitForView("login");
        ui.showing(By.id("notice"), "로그아웃했습니다.");
        assertThat(ui.script("return sessionStorage.getItem('bookshelf.session')")).isNull();
        assertThat(client.me(token).status()).isEqualTo(401);
        NetworkLog network = new NetworkLog().collect(browser.driver());
        assertThat(network.preflightsTo(api.baseUrl() + "/auth/logout")).as("%s", network.exchanges())
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(204));
    }

    @Test
    void changePassword_wrongCurrentPasswordIsShownAtTheField_thenTheChangeLogsOutAndTheNewPasswordWorks()
            throws Exception {
        String email = newEmail();
        ApiClient client = new ApiClient(api.baseUrl());
        client.signUp(email, PASSWORD, "독자");
        ui.open(site.origin() + "/");
        ui.logIn(email, PASSWORD);
        ui.waitForShelf();
        ui.openAccount();

        ui.changePassword("틀린 비밀번호입니다", "새로운 비밀번호 2027");
        ui.showing(By.id("password-current-error"), "비밀번호가 올바르지 않습니다.");
        assertThat(ui.script("return document.getElementById('app').dataset.view")).isEqualTo("account");

        ui.changePassword(PASSWORD, "새로운 비밀번호 2027");
        ui.waitForView("login");
        ui.showing(By.id("notice"), "비밀번호를 바꿨습니다. 새 비밀번호로 다시 로그인해 주세요.");
        assertThat(ui.visible(By.id("login-email")).getDomProperty("value")).isEqualTo(email);
        ui.logIn(email, "새로운 비밀번호 2027");
        ui.waitForShelf();
        ui.showing(By.id("account-name"), "독자");
    }

    @Test
    void deleteAccount_needsTheConfirmation_thenErasesTheAccountAndItsBooks() throws Exception {
        String email = newEmail();
        ApiClient client = new ApiClient(api.baseUrl());
        client.signUp(email, PASSWORD, "독자");
        ui.open(site.origin() + "/");
        ui.logIn(email, PASSWORD);
        ui.addBook("흰", "한강", "READ");
        ui.openAccount();

        ui.deleteAccount(PASSWORD, false);
        ui.showing(By.id("delete-confirm-error"), "삭제하려면 확인란을 선택해 주세요.");
        assertThat(client.logIn(email, PASSWORD)).isNotBlank();

        ui.deleteAccount("틀린 비밀번호입니다", true);
        ui.showing(By.id("delete-password-error"), "비밀번호가 올바르지 않습니다.");

        ui.deleteAccount(PASSWORD, true);
        ui.waitForView("login");
        ui.showing(By.id("notice"), "계정과 모든 책을 삭제했습니다.");
        assertThat(ui.script("return sessionStorage.getItem('bookshelf.session')")).isNull();
        assertThat(client.signUp(email, PASSWORD, "다시").status()).isEqualTo(201);
        assertThat(client.listBooks(client.logIn(email, PASSWORD)).body().path("items")).isEmpty();
    }

    private static String newEmail() {
        return "reader-" + UUID.randomUUID() + "@example.com";
    }

    private static Path webRoot() {
        return Path.of(System.getProperty("bookshelf.web.root", "../deploy/web"));
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("bookshelf.e2e.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
