package io.quantzoo.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module dependency rules, enforced: the core depends on nothing heavy; adapters depend on the
 * core, never the reverse; the application layer depends on no front end; only the CLI wires
 * everything, and nothing depends on it.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.quantzoo");
  }

  @Test
  void coreDependsOnNothingButTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("io.quantzoo.core..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.quantzoo.core..", "java..", "javax.annotation..")
        .because("quantzoo-core must not depend on DuckDB, HTTP, ML, Spark or any library")
        .check(classes);
  }

  @Test
  void adaptersNeverDependOnEachOtherOrOnTheCli() {
    noClasses()
        .that()
        .resideInAPackage("io.quantzoo.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.quantzoo.report..", "io.quantzoo.app..", "io.quantzoo.cli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.quantzoo.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quantzoo.store..", "io.quantzoo.app..", "io.quantzoo.cli..", "org.duckdb..")
        .check(classes);
  }

  @Test
  void nothingDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.quantzoo.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.quantzoo.cli..")
        .because(
            "the CLI is a front end: what other front ends (Spark, a server) share lives in"
                + " quantzoo-app")
        .check(classes);
  }

  @Test
  void theAppLayerKnowsNoFrontEnd() {
    noClasses()
        .that()
        .resideInAPackage("io.quantzoo.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..", "io.quantzoo.report..")
        .because(
            "quantzoo-app is shared by qz, the Spark job and a server: no command line, and"
                + " reports are the front end's choice")
        .check(classes);
  }

  @Test
  void theTraderDependsOnTheCoreOnlySoItNeverLocksTheResearchDatabase() {
    noClasses()
        .that()
        .resideInAPackage("io.quantzoo.live..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "io.quantzoo.live..",
            "io.quantzoo.core..",
            "java..",
            "javax.annotation..",
            "javax.crypto..")
        .because(
            "a trader writes its own journal and never opens the research database: no store, no"
                + " DuckDB, no app layer in quantzoo-live (the JDK's javax.crypto tags the audit"
                + " trail)")
        .check(classes);
  }

  @Test
  void onlyTheStoreTalksToDuckDb() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.quantzoo.store..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.duckdb..")
        .check(classes);
  }

  @Test
  void corePackagesHaveNoCycles() {
    slices().matching("io.quantzoo.core.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void appPackagesHaveNoCycles() {
    slices().assignedFrom(APP_PACKAGES).should().beFreeOfCycles().check(classes);
  }

  /** {@code io.quantzoo.app} itself and each of its top-level subpackages, one slice each. */
  private static final SliceAssignment APP_PACKAGES =
      new SliceAssignment() {
        private static final String APP = "io.quantzoo.app";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          if (p.equals(APP)) {
            return SliceIdentifier.of(APP);
          }
          if (!p.startsWith(APP + ".")) {
            return SliceIdentifier.ignore();
          }
          int end = p.indexOf('.', APP.length() + 1);
          return SliceIdentifier.of(end < 0 ? p : p.substring(0, end));
        }

        @Override
        public String getDescription() {
          return "io.quantzoo.app and each of its subpackages";
        }
      };
}
