package io.quantzoo.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.duckdb.DuckDBDriver;

/**
 * Lets JVMs skip the DuckDB native library extraction that costs every first connection about
 * 0.3–0.6 s.
 *
 * <p><b>Why a separate jar.</b> {@code org.duckdb.DuckDBNative} (driver 2.0.0.1) loads its JNI
 * library in its static initializer like this: if the class path has the resource {@code
 * /libduckdb_java.so_<os>_<arch>} (the regular driver jar bundles all four platforms, 71 MB
 * uncompressed for linux_amd64), it is copied to a new {@code java.io.tmpdir} file and {@code
 * System.load}ed — every JVM, with no system property to change that. Only when the resource is
 * absent does it try {@code System.loadLibrary("duckdb_java")} ({@code java.library.path}) and then
 * a file named {@code libduckdb_java.so_<os>_<arch>} next to the driver jar (upstream duckdb-java
 * PRs #450/#459, the supported "-nolib jar" layout). So nothing done at run time can help a JVM
 * whose class path holds the regular jar; the launcher must put a jar without the libraries on the
 * class path instead.
 *
 * <p><b>What this class does.</b> {@link #prepare(Path)} builds, once, {@code
 * <root>/duckdb/<version>/duckdb_jdbc-<version>-nolib.jar} (the driver jar minus the bundled
 * libraries, ~265 KB) and {@code libduckdb_java.so_<os>_<arch>} beside it. A launcher that finds
 * {@link #prepared(Path)} puts that jar on the class path <em>in place of</em> the regular one; the
 * driver then loads the library directly from the cache, with no flag needed. Files are written to
 * temporary names and moved into place atomically, so concurrent or interrupted preparations never
 * leave a half-written file under the final names. {@code java -cp <class path>
 * io.quantzoo.store.DuckDbNativeCache [root]} prepares and prints the jar path, for scripts.
 *
 * <p><b>The other startup cost.</b> {@code DuckDBDriver}'s static initializer also registers a JFR
 * periodic event whenever class {@code jdk.jfr.FlightRecorder} is loadable, which costs another
 * 0.25–0.4 s on a cold JVM. Only the launcher can avoid it, by keeping the {@code jdk.jfr} module
 * out of the JVM, e.g. {@code --limit-modules java.se,jdk.unsupported}. See {@code docs/STORAGE.md}
 * for measurements.
 */
public final class DuckDbNativeCache {
  private static final String LIB_PREFIX = "libduckdb_java.so_";

  private DuckDbNativeCache() {}

  /**
   * The default cache root: {@code $XDG_CACHE_HOME/quantzoo} when that variable is set, else {@code
   * ~/.cache/quantzoo}.
   */
  public static Path defaultRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "quantzoo");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "quantzoo");
  }

  /**
   * The file name the driver gives this platform's library, e.g. {@code
   * libduckdb_java.so_linux_amd64} (the same rule as {@code DuckDBNative.nativeLibName()}).
   */
  public static String nativeLibraryName() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).strip();
    if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.startsWith("mac")) {
      os = "macos";
    } else if (os.startsWith("linux")) {
      os = "linux";
    } else {
      os = os.replaceAll("[^a-z0-9_\\-.]", "");
    }
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT).strip();
    arch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch.replaceAll("[^a-z0-9_\\-.]", "");
        };
    return LIB_PREFIX + os + "_" + arch;
  }

  /**
   * Whether the driver on this JVM's class path bundles this platform's library, i.e. whether the
   * first connection will extract 71 MB to {@code java.io.tmpdir}. False when the JVM was started
   * with the prepared jar.
   */
  public static boolean driverBundlesNativeLibrary() {
    return DuckDBDriver.class.getResource("/" + nativeLibraryName()) != null;
  }

  /** The jar holding the DuckDB driver on this JVM's class path. */
  public static Path driverJar() {
    try {
      Path jar =
          Path.of(DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            "the DuckDB driver is not loaded from a jar but from " + jar);
      }
      return jar;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the DuckDB driver jar: " + e.getMessage(), e);
    }
  }

  /**
   * The driver's version from its manifest ({@code Bundle-Version}, e.g. {@code 2.0.0.1}), reduced
   * to characters safe in a directory name.
   *
   * @throws IOException if the jar cannot be read
   */
  public static String driverVersion(Path driverJar) throws IOException {
    try (JarFile jar = new JarFile(driverJar.toFile())) {
      Manifest manifest = jar.getManifest();
      String version = null;
      if (manifest != null) {
        Attributes main = manifest.getMainAttributes();
        version = main.getValue("Bundle-Version");
        if (version == null) {
          version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
      }
      if (version == null || version.isBlank()) {
        throw new IOException("the manifest of " + driverJar + " names no driver version");
      }
      return version.strip().replaceAll("[^A-Za-z0-9._-]", "_");
    }
  }

  /**
   * The prepared jar under {@code root} for the driver on this class path, if {@link #prepare}
   * finished there before (both the jar and the library are present).
   *
   * @throws IOException if the driver jar cannot be read
   */
  public static Optional<Path> prepared(Path root) throws IOException {
    String version = driverVersion(driverJar());
    Path dir = versionDir(root, version);
    Path jar = dir.resolve(nolibJarName(version));
    Path lib = dir.resolve(nativeLibraryName());
    return Files.isRegularFile(jar) && Files.isRegularFile(lib)
        ? Optional.of(jar)
        : Optional.empty();
  }

  /**
   * Prepares (once; later calls just return it) the no-library jar and this platform's library
   * under {@code <root>/duckdb/<version>/}, from the driver jar on this class path.
   *
   * @return the no-library jar to put on later JVMs' class path instead of the regular driver jar
   * @throws IOException if reading the driver jar or writing the cache fails
   * @throws IllegalStateException if the driver jar has no library for this platform
   */
  public static Path prepare(Path root) throws IOException {
    Path driver = driverJar();
    String version = driverVersion(driver);
    Path dir = versionDir(root, version);
    Path jarOut = dir.resolve(nolibJarName(version));
    Path libOut = dir.resolve(nativeLibraryName());
    if (Files.isRegularFile(jarOut) && Files.isRegularFile(libOut)) {
      // a cache prepared by an older build may be readable by its owner only: share it
      shareWithEveryUser(jarOut, false);
      shareWithEveryUser(libOut, true);
      return jarOut;
    }
    Files.createDirectories(dir);
    try (JarFile jar = new JarFile(driver.toFile())) {
      if (!Files.isRegularFile(libOut)) {
        JarEntry lib = jar.getJarEntry(nativeLibraryName());
        if (lib == null) {
          throw new IllegalStateException(
              "driver jar " + driver + " bundles no " + nativeLibraryName() + " for this platform");
        }
        Path tmp = Files.createTempFile(dir, nativeLibraryName(), ".tmp");
        try {
          try (InputStream in = jar.getInputStream(lib)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          }
          if (!tmp.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + tmp + " executable");
          }
          shareWithEveryUser(tmp, true);
          moveIntoPlace(tmp, libOut);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      if (!Files.isRegularFile(jarOut)) {
        Path tmp = Files.createTempFile(dir, nolibJarName(version), ".tmp");
        try {
          try (OutputStream os = Files.newOutputStream(tmp);
              ZipOutputStream zip = new ZipOutputStream(os)) {
            copyWithoutLibraries(jar, zip);
          }
          shareWithEveryUser(tmp, false);
          moveIntoPlace(tmp, jarOut);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    }
    return jarOut;
  }

  private static void copyWithoutLibraries(JarFile jar, ZipOutputStream zip) throws IOException {
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      JarEntry entry = entries.nextElement();
      if (entry.getName().startsWith(LIB_PREFIX)) {
        continue;
      }
      ZipEntry copy = new ZipEntry(entry.getName());
      copy.setTime(entry.getTime());
      zip.putNextEntry(copy);
      if (!entry.isDirectory()) {
        try (InputStream in = jar.getInputStream(entry)) {
          in.transferTo(zip);
        }
      }
      zip.closeEntry();
    }
  }

  /**
   * Makes a prepared file readable (and the library executable) by every user, as the driver jar it
   * comes from is: a temporary file is created readable by its owner only, and another user running
   * {@code qz} from the same checkout must load the same classes (the launcher falls back to the
   * plain driver when it cannot read them). Best effort: only the owner may change it.
   */
  static void shareWithEveryUser(Path f, boolean executable) {
    try {
      Files.setPosixFilePermissions(
          f,
          java.nio.file.attribute.PosixFilePermissions.fromString(
              executable ? "rwxr-xr-x" : "rw-r--r--"));
    } catch (UnsupportedOperationException | IOException e) {
      f.toFile().setReadable(true, false);
    }
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path versionDir(Path root, String version) {
    return root.resolve("duckdb").resolve(version);
  }

  private static String nolibJarName(String version) {
    return "duckdb_jdbc-" + version + "-nolib.jar";
  }

  /**
   * Prepares the cache under the root given as the only argument (default {@link #defaultRoot()})
   * and prints the no-library jar's path.
   */
  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : defaultRoot();
    System.out.println(prepare(root));
  }
}
