package io.quantzoo.app.config;

import io.quantzoo.core.util.ConfigException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A parsed YAML file as plain values (maps, lists, strings, numbers, booleans, nulls) plus the line
 * of every key, so errors can name where a key is. Duplicate keys are refused; no custom tags or
 * Java types are ever constructed (safe against hostile files).
 */
final class YamlDocument {
  private final String source;
  private final Object root;
  private final Map<String, Integer> lines = new HashMap<>();

  private YamlDocument(String source, Node node) {
    this.source = source;
    this.root = node == null ? null : toPlain(node, "");
  }

  static YamlDocument parse(Reader reader, String source) {
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(false);
    opts.setMaxAliasesForCollections(10);
    try {
      Node node = new Yaml(opts).compose(reader);
      return new YamlDocument(source, node);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      throw new ConfigException(
          "",
          source
              + (m == null ? "" : " line " + (m.getLine() + 1))
              + ": not valid YAML: "
              + e.getProblem());
    } catch (YAMLException e) {
      throw new ConfigException("", source + ": not valid YAML: " + e.getMessage());
    }
  }

  Object root() {
    return root;
  }

  String source() {
    return source;
  }

  /** {@code "file line N: "} for a dotted key path, or {@code "file: "} if unknown. */
  String where(String path) {
    Integer line = lines.get(path);
    while (line == null && path.contains(".")) {
      path = path.substring(0, path.lastIndexOf('.'));
      line = lines.get(path);
    }
    return source + (line == null ? "" : " line " + line) + ": ";
  }

  private Object toPlain(Node node, String path) {
    if (!path.isEmpty()) {
      lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
    }
    if (node instanceof MappingNode m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          throw new ConfigException(
              path,
              source
                  + " line "
                  + (t.getKeyNode().getStartMark().getLine() + 1)
                  + ": keys must be plain words");
        }
        String key = k.getValue();
        String child = path.isEmpty() ? key : path + "." + key;
        if (out.containsKey(key)) {
          throw new ConfigException(
              child,
              source
                  + " line "
                  + (k.getStartMark().getLine() + 1)
                  + ": duplicate key '"
                  + child
                  + "'");
        }
        lines.put(child, k.getStartMark().getLine() + 1);
        out.put(key, toPlain(t.getValueNode(), child));
      }
      return out;
    }
    if (node instanceof SequenceNode s) {
      List<Object> out = new ArrayList<>();
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        out.add(toPlain(items.get(i), path + "[" + i + "]"));
      }
      return out;
    }
    ScalarNode sc = (ScalarNode) node;
    String v = sc.getValue();
    Tag tag = sc.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
    }
    if (Tag.INT.equals(tag)) {
      String digits = v.replace("_", "");
      try {
        long l = Long.parseLong(digits);
        return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
      } catch (NumberFormatException e) {
        return v; // hex, octal or out of range: left as text, refused where a number is needed
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      String t = v.replace("_", "").toLowerCase(java.util.Locale.ROOT);
      switch (t) {
        case ".nan":
          return Double.NaN;
        case ".inf", "+.inf":
          return Double.POSITIVE_INFINITY;
        case "-.inf":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(t);
          } catch (NumberFormatException e) {
            return v;
          }
      }
    }
    return v;
  }
}
