package io.quantzoo.app.config;

import io.quantzoo.core.util.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a YAML run configuration into {@link RunConfigFile}, refusing unknown keys by name (with
 * the line and the keys allowed there) and reporting wrong types with the key path and line. Built
 * on SnakeYAML's node API: it never constructs arbitrary Java types from the file.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Loads a config file. */
  public static RunConfigFile load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read config file " + file + ": " + e.getMessage());
    }
  }

  /** Parses YAML from a stream; {@code source} names it in messages. */
  public static RunConfigFile parse(InputStream in, String source) {
    return parse(new InputStreamReader(in, StandardCharsets.UTF_8), source);
  }

  static RunConfigFile parse(Reader reader, String source) {
    YamlDocument doc = YamlDocument.parse(reader, source);
    if (doc.root() == null) {
      throw new ConfigException("", source + ": the config file is empty");
    }
    return new YamlBinder(doc).bind(doc.root(), RunConfigFile.class, "");
  }

  /** Loads a portfolio config file ({@code qz portfolio}); unknown keys refused as for runs. */
  public static PortfolioConfigFile loadPortfolio(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      YamlDocument doc = YamlDocument.parse(r, file.toString());
      if (doc.root() == null) {
        throw new ConfigException("", file + ": the config file is empty");
      }
      return new YamlBinder(doc).bind(doc.root(), PortfolioConfigFile.class, "");
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read config file " + file + ": " + e.getMessage());
    }
  }

  /** Binds a plain value (e.g. an instrument spec map) to a record; {@code path} names it. */
  static <T extends Record> T bind(Object value, Class<T> type, String path) {
    return new YamlBinder(YamlDocument.parse(new java.io.StringReader(""), "config"))
        .bind(value, type, path);
  }

  /** Renders plain values and records (as snake_case mappings, nulls left out) as block YAML. */
  public static String dump(Object value) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setPrettyFlow(true);
    return new Yaml(o).dump(plain(value));
  }

  private static Object plain(Object v) {
    if (v instanceof Record r) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          Object x = c.getAccessor().invoke(r);
          if (x != null) {
            m.put(YamlBinder.snake(c.getName()), plain(x));
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return m;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> m = new LinkedHashMap<>();
      map.forEach((k, x) -> m.put(String.valueOf(k), plain(x)));
      return m;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(x -> out.add(plain(x)));
      return out;
    }
    return v;
  }
}
