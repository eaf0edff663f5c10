package io.quantzoo.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.quantzoo.core.util.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a YAML run configuration into {@link RunConfigFile}, refusing unknown keys by name and
 * reporting type errors with the key path and line.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ConfigLoader() {}

  /** The YAML mapper (snake_case), also used to write effective configs. */
  public static ObjectMapper mapper() {
    return YAML;
  }

  /** Loads a config file. */
  public static RunConfigFile load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read config file " + file + ": " + e.getMessage());
    }
  }

  /** Parses YAML from a stream; {@code source} names it in messages. */
  public static RunConfigFile parse(InputStream in, String source) throws IOException {
    try {
      RunConfigFile cfg = YAML.readValue(in, RunConfigFile.class);
      if (cfg == null) {
        throw new ConfigException("", source + ": the config file is empty");
      }
      return cfg;
    } catch (UnrecognizedPropertyException e) {
      String key = path(e);
      List<String> known = new ArrayList<>();
      if (e.getKnownPropertyIds() != null) {
        for (Object o : e.getKnownPropertyIds()) {
          known.add(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(o.toString()));
        }
      }
      throw new ConfigException(
          key,
          source
              + line(e.getLocation())
              + ": unknown key '"
              + key
              + "'"
              + (known.isEmpty()
                  ? ""
                  : "; allowed here: "
                      + known.stream().sorted().collect(Collectors.joining(", "))));
    } catch (JsonMappingException e) {
      String key = path(e);
      throw new ConfigException(
          key,
          source
              + line(e.getLocation())
              + ": key '"
              + key
              + "' has an invalid value: "
              + e.getOriginalMessage().replaceAll("\\s*\\(for .*$", "").replaceAll("\\n.*", ""));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "",
          source
              + line(e.getLocation())
              + ": not valid YAML: "
              + e.getOriginalMessage().replaceAll("\\n.*", ""));
    }
  }

  private static String line(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 1 ? "" : " line " + loc.getLineNr();
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
