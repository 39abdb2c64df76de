package dev.bookshelf.e2e;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web client as a person uses it, by its stable ids and {@code data-testid}s; every wait is bounded. */
final class BookshelfUi {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final int MAX_PAGES = 20;

    private final WebDriver driver;
    private final WebDriverWait wait;

    BookshelfUi(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** Opens the client at {@code url} with no session left from before, and waits until it has started. */
    void open(String url) {
        driver.get(url);
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("app"), "data-ready", "true"));
    }

    void waitForView(String view) {
        wait.until(ExpectedConditions.attributeToBe(By.id("app"), "data-view", view));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(view + "-view")));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element shows exactly {@code text}, and returns it. */
    WebElement showing(By by, String text) {
        wait.until(ExpectedConditions.textToBe(by, text));
        return driver.findElement(by);
    }

    String heading(String view) {
        return visible(By.id(view + "-heading")).getText();
    }

    private void type(By field, String text) {
        WebElement input = visible(field);
        input.clear();
        input.sendKeys(text);
    }

    void switchLanguage() {
        driver.findElement(By.id("lang-toggle")).click();
    }

    void signUp(String email, String password, String displayName) {
        waitForView("signup");
        type(By.id("signup-email"), email);
        type(By.id("signup-password"), password);
        type(By.id("signup-displayName"), displayName);
        driver.findElement(By.id("signup-submit")).click();
    }

    void goToSignUp() {
        waitForView("login");
        driver.findElement(By.id("to-signup")).click();
        waitForView("signup");
    }

    void logIn(String email, String password) {
        waitForView("login");
        type(By.id("login-email"), email);
        type(By.id("login-password"), password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** Waits for the shelf to have finished loading. */
    void waitForShelf() {
        waitForView("shelf");
        wait.until(ExpectedConditions.attributeToBe(By.id("book-list"), "data-state", "ready"));
    }

    void addBook(String title, String author, String status) {
        waitForShelf();
        driver.findElement(By.id("add-book")).click();
        waitForView("editor");
        wait.until(ExpectedConditions.attributeToBe(By.id("editor-form"), "data-state", "ready"));
        type(By.id("editor-title"), title);
        type(By.id("editor-author"), author);
        new Select(driver.findElement(By.id("editor-status"))).selectByValue(status);
        driver.findElement(By.id("editor-save")).click();
        waitForShelf();
    }

    /** The list item whose title is exactly {@code title}, once it is shown. */
    WebElement book(String title) {
        return wait.until(d -> d.findElements(testId("book-item")).stream()
                .filter(item -> title.equals(item.findElement(testId("book-title")).getText()))
                .findFirst().orElse(null));
    }

    List<String> titles() {
        return driver.findElements(testId("book-title")).stream().map(WebElement::getText).toList();
    }

    /** Follows "more" until the shelf has no next page (at most {@value #MAX_PAGES} pages). */
    void loadAllPages() {
        waitForShelf();
        for (int page = 1; driver.findElement(By.id("load-more")).isDisplayed(); page++) {
            if (page == MAX_PAGES) {
                throw new AssertionError("still a \"more\" button after " + MAX_PAGES + " pages");
            }
            driver.findElement(By.id("load-more")).click();
            waitForShelf();
        }
    }

    void filterBy(String status) {
        waitForShelf();
        new Select(driver.findElement(By.id("status-filter"))).selectByValue(status);
        waitForShelf();
    }

    /** Opens the editor of a listed book and waits until its current version is loaded. */
    void openEditor(String title) {
        book(title).findElement(testId("book-edit")).click();
        waitForView("editor");
        wait.until(ExpectedConditions.attributeToBe(By.id("editor-form"), "data-state", "ready"));
    }

    void chooseInEditor(String field, String value) {
        new Select(driver.findElement(By.id("editor-" + field))).selectByValue(value);
    }

    void save() {
        driver.findElement(By.id("editor-save")).click();
    }

    void remove(String title) {
        WebElement item = book(title);
        item.findElement(testId("book-remove")).click();
        visible(By.cssSelector("[data-book-id='" + item.getAttribute("data-book-id") + "'] [data-testid='book-remove-confirm']"))
                .click();
        wait.until(ExpectedConditions.stalenessOf(item));
    }

    /** Runs {@code fetch(url)} in the page; answers "status N" or the rejection's "Name: message". */
    String fetchFromPage(String url) {
        Object outcome = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {mode: 'cors', cache: 'no-store'})"
                        + ".then(r => done('status ' + r.status), e => done(e.name + ': ' + e.message));", url);
        return String.valueOf(outcome);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void logOut() {
        visible(By.id("logout")).click();
    }

    void openAccount() {
        visible(By.id("to-account")).click();
        waitForView("account");
    }

    void changePassword(String current, String next) {
        waitForView("account");
        type(By.id("password-current"), current);
        type(By.id("password-new"), next);
        driver.findElement(By.id("password-submit")).click();
    }

    /** Fills the deletion form; ticks the confirmation only when {@code confirm}. */
    void deleteAccount(String password, boolean confirm) {
        waitForView("account");
        type(By.id("delete-password"), password);
        WebElement box = driver.findElement(By.id("delete-confirm"));
        if (box.isSelected() != confirm) {
            box.click();
        }
        driver.findElement(By.id("delete-submit")).click();
    }
}
