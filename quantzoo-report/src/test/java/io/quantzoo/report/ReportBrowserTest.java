package io.quantzoo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the HTML report from disk in headless Chromium and checks that it renders offline.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code
 * chromium} and {@code chromium-driver}). Without them the test is skipped, except under {@code
 * CI=true}, where it fails: CI installs them, so a missing browser there is a broken setup, not a
 * reason to skip. The paths can be changed with {@code -Dqz.chromium=...} and {@code
 * -Dqz.chromedriver=...}. Set {@code -Dqz.report.screenshotDir=DIR} to keep a copy of the
 * screenshot and the HTML for a look by eye.
 */
class ReportBrowserTest {
  private static final File CHROMIUM =
      new File(System.getProperty("qz.chromium", "/usr/bin/chromium"));
  private static final File CHROMEDRIVER =
      new File(System.getProperty("qz.chromedriver", "/usr/bin/chromedriver"));

  @TempDir Path dir;

  @Test
  void reportRendersOfflineInHeadlessChromium() throws IOException {
    boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!present) {
      String missing = "headless Chromium not installed (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
      if ("true".equals(System.getenv("CI"))) {
        fail(missing + " but CI=true: the CI script must install chromium and chromium-driver");
      }
      Assumptions.abort(missing + "; install Debian packages chromium and chromium-driver");
    }

    Path out = dir.resolve("out");
    ReportWriter.write(Fixtures.input(), out, Set.of(ReportFormat.HTML));
    Path html = out.resolve("report-run-42.html");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,4000",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.get(html.toUri().toString());
      assertThat(driver.getCurrentUrl()).startsWith("file://");
      assertThat(driver.getTitle()).isEqualTo("Backtest report: run-42");

      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      for (String id : List.of("chart-equity", "chart-drawdown", "chart-trade-pnl")) {
        WebElement img = driver.findElement(By.id(id));
        wait.until(d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0;", img)));
        Number width = (Number) driver.executeScript("return arguments[0].naturalWidth;", img);
        assertThat(width.intValue()).as(id + " naturalWidth").isEqualTo(Charts.WIDTH);
        assertThat(img.isDisplayed()).as(id + " displayed").isTrue();
      }

      WebElement monthly = driver.findElement(By.id("monthly-returns"));
      assertThat(monthly.findElements(By.cssSelector("tbody tr"))).hasSize(2);
      assertThat(monthly.getText()).contains("2023", "5.00%", "-4.00%", "15.50%");
      WebElement trades = driver.findElement(By.id("trades"));
      assertThat(trades.findElements(By.cssSelector("tbody tr"))).hasSize(3);
      // The escaped tag shows as text; it never became a script element.
      assertThat(trades.getText()).contains(Fixtures.XSS);
      assertThat(driver.findElements(By.tagName("script"))).isEmpty();

      @SuppressWarnings("unchecked")
      List<Object> resources =
          (List<Object>)
              driver.executeScript(
                  "return performance.getEntriesByType('resource').map(e => e.name);");
      assertThat(resources)
          .noneMatch(name -> String.valueOf(name).matches("(?i)^(https?|wss?):.*"));

      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Path shot = Files.write(dir.resolve("report-screenshot.png"), png);
      assertThat(shot).isNotEmptyFile();
      String keep = System.getProperty("qz.report.screenshotDir");
      if (keep != null && !keep.isBlank()) {
        Path keepDir = Files.createDirectories(Path.of(keep));
        Files.copy(
            shot, keepDir.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
            html, keepDir.resolve("report-run-42.html"), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      driver.quit();
    }
  }
}
