package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path tmp;

  private static final String START = "{\"k\":\"start\",\"session\":\"s\"}";

  private Path journalWith(String... lines) throws IOException {
    Path f = tmp.resolve("journal.jsonl");
    try (Journal j = Journal.create(f, START, Durability.OS)) {
      for (String l : lines) {
        j.record(l);
      }
    }
    return f;
  }

  @Test
  void writesOneLinePerRecordStartFirst() throws IOException {
    Path f = journalWith("{\"k\":\"bar\",\"n\":1}", "{\"k\":\"bar\",\"n\":2}");
    assertThat(Files.readAllLines(f))
        .containsExactly(START, "{\"k\":\"bar\",\"n\":1}", "{\"k\":\"bar\",\"n\":2}");
  }

  @Test
  void durableRecordsReachTheFileBeforeTheCallReturns() throws IOException {
    Path f = tmp.resolve("journal.jsonl");
    try (Journal j = Journal.create(f, START, Durability.DISK)) {
      j.record("{\"k\":\"bar\",\"n\":1}");
      assertThat(Files.readAllLines(f)).containsExactly(START);
      j.recordDurable("{\"k\":\"intent\",\"n\":1}");
      assertThat(Files.readAllLines(f))
          .containsExactly(START, "{\"k\":\"bar\",\"n\":1}", "{\"k\":\"intent\",\"n\":1}");
    }
  }

  @Test
  void theReaderIgnoresATornLastLineAndKnowsWhereTheGoodPartEnds() throws IOException {
    Path f = tmp.resolve("j.jsonl");
    String good = START + "\n{\"k\":\"bar\",\"n\":1}\n";
    Files.writeString(f, good + "{\"k\":\"ba", StandardCharsets.UTF_8);
    try (JournalReader r = new JournalReader(f)) {
      assertThat(r.nextLine()).isEqualTo(START);
      assertThat(r.nextLine()).isEqualTo("{\"k\":\"bar\",\"n\":1}");
      assertThat(r.nextLine()).isNull();
      assertThat(r.tornTail()).isTrue();
      assertThat(r.goodLength()).isEqualTo(good.getBytes(StandardCharsets.UTF_8).length);
      assertThat(r.lineNumber()).isEqualTo(2);
    }
  }

  @Test
  void aCompleteLineThatIsNotARecordIsRefusedWithItsLineNumber() throws IOException {
    Path f = tmp.resolve("j.jsonl");
    Files.writeString(f, START + "\nnot json\n", StandardCharsets.UTF_8);
    try (JournalReader r = new JournalReader(f)) {
      r.parse(r.nextLine());
      String bad = r.nextLine();
      assertThatThrownBy(() -> r.parse(bad))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("line 2");
    }
  }

  @Test
  void resumingVerifiesThenCutsTheTornLineAndAppendsAfterAResumeRecord() throws IOException {
    Path f = journalWith("{\"k\":\"bar\",\"n\":1}", "{\"k\":\"bar\",\"n\":2}");
    Files.writeString(
        f,
        "{\"k\":\"bar\",\"n\":3,\"t",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    List<String> caughtUp = new ArrayList<>();
    JournalReader r = new JournalReader(f);
    r.nextLine();
    try (Journal j =
        Journal.resume(
            f,
            r,
            v -> "{\"k\":\"resume\",\"verified\":" + v + "}",
            Durability.OS,
            () -> caughtUp.add("now"))) {
      assertThat(j.verifying()).isTrue();
      j.record("{\"k\":\"bar\",\"n\":1}");
      assertThat(j.verifying()).isTrue();
      j.record("{\"k\":\"bar\",\"n\":2}");
      assertThat(j.verifying()).isFalse();
      assertThat(caughtUp).containsExactly("now");
      j.record("{\"k\":\"bar\",\"n\":3}");
    }
    assertThat(Files.readAllLines(f))
        .containsExactly(
            START,
            "{\"k\":\"bar\",\"n\":1}",
            "{\"k\":\"bar\",\"n\":2}",
            "{\"k\":\"resume\",\"verified\":2}",
            "{\"k\":\"bar\",\"n\":3}");
  }

  @Test
  void aReplayThatDiffersIsRefusedAtTheFirstDifferenceAndNothingIsWritten() throws IOException {
    Path f = journalWith("{\"k\":\"bar\",\"n\":1}", "{\"k\":\"bar\",\"n\":2}");
    byte[] before = Files.readAllBytes(f);
    JournalReader r = new JournalReader(f);
    r.nextLine();
    try (Journal j = Journal.resume(f, r, v -> "{\"k\":\"resume\"}", Durability.OS, () -> {})) {
      j.record("{\"k\":\"bar\",\"n\":1}");
      assertThatThrownBy(() -> j.record("{\"k\":\"bar\",\"n\":9}"))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("first difference at line 3")
          .hasMessageContaining("{\"k\":\"bar\",\"n\":2}")
          .hasMessageContaining("{\"k\":\"bar\",\"n\":9}");
    }
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
  }

  @Test
  void aReplayThatEndsBeforeTheJournalDoesIsRefused() throws IOException {
    Path f = journalWith("{\"k\":\"bar\",\"n\":1}", "{\"k\":\"bar\",\"n\":2}");
    JournalReader r = new JournalReader(f);
    r.nextLine();
    try (Journal j = Journal.resume(f, r, v -> "{\"k\":\"resume\"}", Durability.OS, () -> {})) {
      j.record("{\"k\":\"bar\",\"n\":1}");
      assertThatThrownBy(() -> j.requireCaughtUp("ended there"))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("line 3")
          .hasMessageContaining("ended there");
    }
  }

  @Test
  void metaRecordsAreSkippedWhenVerifying() throws IOException {
    Path f = tmp.resolve("journal.jsonl");
    try (Journal j = Journal.create(f, START, Durability.OS)) {
      j.record("{\"k\":\"bar\",\"n\":1}");
      j.meta("{\"k\":\"resume\",\"at\":\"x\"}");
      j.record("{\"k\":\"bar\",\"n\":2}");
    }
    JournalReader r = new JournalReader(f);
    r.nextLine();
    try (Journal j = Journal.resume(f, r, v -> "{\"k\":\"resume\"}", Durability.OS, () -> {})) {
      j.record("{\"k\":\"bar\",\"n\":1}");
      j.record("{\"k\":\"bar\",\"n\":2}");
      assertThat(j.verifying()).isFalse();
      assertThat(j.verified()).isEqualTo(2);
    }
  }
}
