package io.quantzoo.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark stays in this module: with every QuantZoo module on the classpath (as here), no class
 * outside {@code io.quantzoo.spark} may use Spark, Scala or Hadoop, so {@code qz} and the engine
 * never load them.
 */
class SparkArchitectureTest {
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
  void onlyTheSparkModuleUsesSparkScalaOrHadoop() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.quantzoo.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..")
        .because("Spark is an optional runtime for sweeps; the engine and qz must not need it")
        .check(classes);
  }

  @Test
  void theSparkModuleUsesTheSweepThroughTheAppAndStoreOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.quantzoo.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.duckdb..", "io.quantzoo.report..", "io.quantzoo.cli..")
        .because("the job shares qz's planning and sweeps through quantzoo-app, not the CLI")
        .check(classes);
  }
}
