package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DuckDbNativeCacheTest {
  @TempDir Path dir;

  @Test
  void preparesANoLibraryJarAndTheLibraryOnceAndIdempotently() throws IOException {
    assumeTrue(DuckDbNativeCache.driverBundlesNativeLibrary(), "driver without bundled library");
    String version = DuckDbNativeCache.driverVersion(DuckDbNativeCache.driverJar());
    assertThat(version).isEqualTo("2.0.0.1");
    assertThat(DuckDbNativeCache.prepared(dir)).isEmpty();

    Path jar = DuckDbNativeCache.prepare(dir);

    Path versionDir = dir.resolve("duckdb").resolve(version);
    assertThat(jar).isEqualTo(versionDir.resolve("duckdb_jdbc-2.0.0.1-nolib.jar"));
    Path lib = versionDir.resolve(DuckDbNativeCache.nativeLibraryName());
    assertThat(lib).isRegularFile().isExecutable();
    try (JarFile original = new JarFile(DuckDbNativeCache.driverJar().toFile());
        JarFile nolib = new JarFile(jar.toFile())) {
      assertThat(Files.size(lib))
          .isEqualTo(original.getJarEntry(DuckDbNativeCache.nativeLibraryName()).getSize());
      assertThat(nolib.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("libduckdb_java"))
          .contains("org/duckdb/DuckDBNative.class", "META-INF/services/java.sql.Driver");
      assertThat(nolib.size())
          .isEqualTo(
              (int)
                  original.stream().filter(e -> !e.getName().startsWith("libduckdb_java")).count());
    }
    try (Stream<Path> files = Files.list(versionDir)) {
      assertThat(files).hasSize(2); // no temporary files left behind
    }
    // every user of the checkout can load them (F2: a 0600 jar broke qz for everyone else)
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(jar)))
        .isEqualTo("rw-r--r--");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(lib)))
        .isEqualTo("rwxr-xr-x");
    // a cache left owner-only by an older build is shared on the next prepare
    Files.setPosixFilePermissions(
        jar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    DuckDbNativeCache.prepare(dir);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(jar)))
        .isEqualTo("rw-r--r--");
    long modified = Files.getLastModifiedTime(jar).toMillis();
    assertThat(DuckDbNativeCache.prepare(dir)).isEqualTo(jar);
    assertThat(Files.getLastModifiedTime(jar).toMillis()).isEqualTo(modified);
    assertThat(DuckDbNativeCache.prepared(dir)).contains(jar);
  }

  /**
   * A JVM started with the prepared jar instead of the regular one loads the cached library (no
   * extraction to java.io.tmpdir) and works.
   */
  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aJvmOnThePreparedJarLoadsTheCachedLibraryWithoutExtracting()
      throws IOException, InterruptedException, URISyntaxException {
    assumeTrue(DuckDbNativeCache.driverBundlesNativeLibrary(), "driver without bundled library");
    Path jar = DuckDbNativeCache.prepare(dir.resolve("cache"));
    Path lib = jar.resolveSibling(DuckDbNativeCache.nativeLibraryName());
    Path testClasses =
        Path.of(NativeCacheProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
    String classPath = jar + java.io.File.pathSeparator + testClasses;
    String out;
    try (ChildJvm child =
        ChildJvm.start(
            dir, classPath, List.of("-Djava.io.tmpdir=" + tmp), NativeCacheProbe.class.getName())) {
      out = child.awaitOutput();
    }
    assertThat(out).contains("ANSWER 42");
    if (Files.isReadable(Path.of("/proc/self/maps"))) {
      assertThat(out).contains("MAPPED " + lib.toRealPath());
    }
    try (Stream<Path> extracted = Files.list(tmp)) {
      assertThat(extracted).isEmpty();
    }
  }
}
