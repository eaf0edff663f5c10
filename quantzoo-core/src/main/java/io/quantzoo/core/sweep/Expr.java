package io.quantzoo.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A small arithmetic and logical expression over named numbers, used for parameter constraints
 * ({@code fast < slow}) and custom objectives ({@code sharpe * sqrt(trades) - 0.1 *
 * max_drawdown_pct}).
 *
 * <p>Grammar, lowest precedence first: {@code ||}, {@code &&}, comparisons ({@code < <= > >= ==
 * !=}), {@code + -}, {@code * / %}, unary {@code - !}, {@code ^} (power, right associative),
 * primaries: numbers, names ({@code [A-Za-z_][A-Za-z0-9_]*}), {@code true}/{@code false},
 * parenthesised expressions and the functions {@code abs min max sqrt log exp}. Booleans are 1 and
 * 0; a value is true when it is non-zero and not NaN. Arithmetic follows IEEE doubles, so a NaN
 * operand gives NaN.
 *
 * <p>Immutable and thread-safe once parsed.
 */
public final class Expr {
  private final String text;
  private final Node root;
  private final Set<String> names;

  private Expr(String text, Node root, Set<String> names) {
    this.text = text;
    this.root = root;
    this.names = names;
  }

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException naming the position and what was expected
   */
  public static Expr parse(String text) {
    Parser p = new Parser(text);
    Node n = p.parseOr();
    p.skipBlanks();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "'");
    }
    return new Expr(text, n, Set.copyOf(p.names));
  }

  /** The source text. */
  public String text() {
    return text;
  }

  /** Every variable name the expression reads. */
  public Set<String> names() {
    return names;
  }

  /**
   * Evaluates with variables from {@code vars}.
   *
   * @param vars value of each name; it may throw for unknown names
   */
  public double eval(ToDoubleFunction<String> vars) {
    return root.eval(vars);
  }

  /** Whether the expression holds (non-zero and not NaN) for {@code vars}. */
  public boolean test(ToDoubleFunction<String> vars) {
    return truth(root.eval(vars));
  }

  @Override
  public String toString() {
    return text;
  }

  static boolean truth(double v) {
    return v != 0 && !Double.isNaN(v);
  }

  private interface Node {
    double eval(ToDoubleFunction<String> vars);
  }

  private static final class Parser {
    private final String s;
    private int pos;
    private final Set<String> names = new LinkedHashSet<>();

    Parser(String s) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException("expression is empty");
      }
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "bad expression '" + s + "' at position " + (pos + 1) + ": " + what);
    }

    void skipBlanks() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean eat(String tok) {
      skipBlanks();
      if (s.startsWith(tok, pos)) {
        pos += tok.length();
        return true;
      }
      return false;
    }

    Node parseOr() {
      Node l = parseAnd();
      while (eat("||")) {
        Node a = l;
        Node b = parseAnd();
        l = v -> truth(a.eval(v)) || truth(b.eval(v)) ? 1 : 0;
      }
      return l;
    }

    Node parseAnd() {
      Node l = parseCmp();
      while (eat("&&")) {
        Node a = l;
        Node b = parseCmp();
        l = v -> truth(a.eval(v)) && truth(b.eval(v)) ? 1 : 0;
      }
      return l;
    }

    Node parseCmp() {
      Node l = parseAdd();
      while (true) {
        Node a = l;
        if (eat("<=")) {
          Node b = parseAdd();
          l = v -> a.eval(v) <= b.eval(v) ? 1 : 0;
        } else if (eat(">=")) {
          Node b = parseAdd();
          l = v -> a.eval(v) >= b.eval(v) ? 1 : 0;
        } else if (eat("==")) {
          Node b = parseAdd();
          l = v -> a.eval(v) == b.eval(v) ? 1 : 0;
        } else if (eat("!=")) {
          Node b = parseAdd();
          l = v -> a.eval(v) != b.eval(v) ? 1 : 0;
        } else if (eat("<")) {
          Node b = parseAdd();
          l = v -> a.eval(v) < b.eval(v) ? 1 : 0;
        } else if (eat(">")) {
          Node b = parseAdd();
          l = v -> a.eval(v) > b.eval(v) ? 1 : 0;
        } else {
          return l;
        }
      }
    }

    Node parseAdd() {
      Node l = parseMul();
      while (true) {
        Node a = l;
        if (eat("+")) {
          Node b = parseMul();
          l = v -> a.eval(v) + b.eval(v);
        } else if (eat("-")) {
          Node b = parseMul();
          l = v -> a.eval(v) - b.eval(v);
        } else {
          return l;
        }
      }
    }

    Node parseMul() {
      Node l = parseUnary();
      while (true) {
        Node a = l;
        if (eat("*")) {
          Node b = parseUnary();
          l = v -> a.eval(v) * b.eval(v);
        } else if (eat("/")) {
          Node b = parseUnary();
          l = v -> a.eval(v) / b.eval(v);
        } else if (eat("%")) {
          Node b = parseUnary();
          l = v -> a.eval(v) % b.eval(v);
        } else {
          return l;
        }
      }
    }

    Node parseUnary() {
      if (eat("-")) {
        Node a = parseUnary();
        return v -> -a.eval(v);
      }
      if (eat("!")) {
        Node a = parseUnary();
        return v -> truth(a.eval(v)) ? 0 : 1;
      }
      return parsePow();
    }

    Node parsePow() {
      Node base = parsePrimary();
      if (eat("^")) {
        Node exp = parseUnary();
        return v -> Math.pow(base.eval(v), exp.eval(v));
      }
      return base;
    }

    Node parsePrimary() {
      skipBlanks();
      if (pos >= s.length()) {
        throw error("expected a number, a name or '('");
      }
      char c = s.charAt(pos);
      if (c == '(') {
        pos++;
        Node n = parseOr();
        if (!eat(")")) {
          throw error("expected ')'");
        }
        return n;
      }
      if (Character.isDigit(c) || c == '.') {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
          pos++;
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
          pos++;
          if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            pos++;
          }
          while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
          }
        }
        double d;
        try {
          d = Double.parseDouble(s.substring(start, pos));
        } catch (NumberFormatException e) {
          pos = start;
          throw error("bad number '" + s.substring(start) + "'");
        }
        return v -> d;
      }
      if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < s.length()
            && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
          pos++;
        }
        String name = s.substring(start, pos);
        if (eat("(")) {
          return function(name.toLowerCase(Locale.ROOT), start);
        }
        if (name.equals("true")) {
          return v -> 1;
        }
        if (name.equals("false")) {
          return v -> 0;
        }
        names.add(name);
        return v -> v.applyAsDouble(name);
      }
      throw error("unexpected '" + c + "'");
    }

    private Node function(String name, int start) {
      List<Node> args = new ArrayList<>();
      if (!eat(")")) {
        do {
          args.add(parseOr());
        } while (eat(","));
        if (!eat(")")) {
          throw error("expected ')' after the arguments of " + name);
        }
      }
      int want =
          switch (name) {
            case "abs", "sqrt", "log", "exp" -> 1;
            case "min", "max" -> 2;
            default -> {
              pos = start;
              throw error("unknown function '" + name + "' (known: abs, min, max, sqrt, log, exp)");
            }
          };
      if (args.size() != want) {
        pos = start;
        throw error(name + " takes " + want + " argument(s), got " + args.size());
      }
      Node a = args.get(0);
      return switch (name) {
        case "abs" -> v -> Math.abs(a.eval(v));
        case "sqrt" -> v -> Math.sqrt(a.eval(v));
        case "log" -> v -> Math.log(a.eval(v));
        case "exp" -> v -> Math.exp(a.eval(v));
        case "min" -> {
          Node b = args.get(1);
          yield v -> Math.min(a.eval(v), b.eval(v));
        }
        default -> {
          Node b = args.get(1);
          yield v -> Math.max(a.eval(v), b.eval(v));
        }
      };
    }
  }
}
