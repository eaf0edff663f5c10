package io.quantzoo.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module dependency rules, enforced: the core depends on nothing heavy; adapters depend on the
 * core, never the reverse; only the CLI wires everything.
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
        .resideInAnyPackage("io.quantzoo.report..", "io.quantzoo.cli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.quantzoo.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.quantzoo.store..", "io.quantzoo.cli..", "org.duckdb..")
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
}
