package io.quantzoo.report;

import io.quantzoo.core.portfolio.PortfolioResult;
import io.quantzoo.core.portfolio.RebalanceEvent;
import io.quantzoo.core.portfolio.SleeveResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The portfolio sections of a report: sleeves, correlation, rebalances, weights chart. */
final class PortfolioSections {
  static final int MAX_REBALANCE_ROWS = 200;

  private PortfolioSections() {}

  static ReportModel model(ReportInput in, PortfolioResult p) {
    List<String> names = new ArrayList<>();
    for (SleeveResult s : p.sleeves()) {
      names.add(s.name());
    }
    List<ReportModel.Section> sections =
        List.of(
            new ReportModel.Section(
                "sleeves",
                "Sleeves",
                "Contribution to return = sleeve P&L / initial cash (sums to the total return)."
                    + " Contribution to risk = ā_i(Σā)_i / āᵀΣā with ā the time-average actual"
                    + " weights and Σ the full-period covariance of the sleeves' own returns"
                    + " (sums to 100 %).",
                sleeves(p)),
            new ReportModel.Section(
                "correlation",
                "Correlation of sleeve returns",
                "Pearson correlation of the sleeves' own bar returns over the whole run.",
                correlation(p, names)),
            new ReportModel.Section("rebalances", "Rebalances", rebalanceNote(p), rebalances(p)));
    ReportModel.ChartImage weights =
        new ReportModel.ChartImage(
            "weights",
            "Sleeve weights over time",
            "Actual weight of each sleeve over time, run " + in.info().runId(),
            Charts.weights(p.portfolio().equity().timesArray(), p.actualWeights(), names),
            ReportModel.NO_EQUITY);
    return new ReportModel(in, "Portfolio report: ", sections, List.of(weights));
  }

  private static ReportModel.Table sleeves(PortfolioResult p) {
    List<List<ReportModel.Cell>> rows = new ArrayList<>();
    int last = p.portfolio().equity().size() - 1;
    for (int i = 0; i < p.sleeves().size(); i++) {
      SleeveResult s = p.sleeves().get(i);
      rows.add(
          List.of(
              ReportModel.Cell.of(s.name()),
              ReportModel.Cell.of(s.strategy()),
              ReportModel.Cell.of(String.join(", ", s.symbols())),
              ReportModel.Cell.of(s.params()),
              ReportModel.Cell.of(Fmt.fractionAsPercent(s.averageWeight())),
              ReportModel.Cell.of(
                  last < 0 ? Fmt.NA : Fmt.fractionAsPercent(p.targetWeights()[last][i])),
              new ReportModel.Cell(Fmt.grouped(s.pnl(), 2), ReportModel.Tone.of(s.pnl())),
              new ReportModel.Cell(
                  Fmt.percent(s.contributionToReturnPct()),
                  ReportModel.Tone.of(s.contributionToReturnPct())),
              ReportModel.Cell.of(Fmt.fractionAsPercent(s.contributionToRisk())),
              ReportModel.Cell.of(Fmt.grouped(s.commission() + s.slippage(), 2))));
    }
    return new ReportModel.Table(
        "sleeves",
        List.of(
            "Sleeve",
            "Strategy",
            "Symbols",
            "Parameters",
            "Avg weight",
            "Last target",
            "P&L",
            "Contribution to return",
            "Contribution to risk",
            "Costs"),
        List.of(false, false, false, false, true, true, true, true, true, true),
        rows);
  }

  private static ReportModel.Table correlation(PortfolioResult p, List<String> names) {
    List<String> header = new ArrayList<>();
    header.add("");
    header.addAll(names);
    List<Boolean> numeric = new ArrayList<>(Collections.nCopies(header.size(), true));
    numeric.set(0, false);
    List<List<ReportModel.Cell>> rows = new ArrayList<>();
    double[][] c = p.correlation();
    for (int i = 0; i < names.size(); i++) {
      List<ReportModel.Cell> row = new ArrayList<>();
      row.add(ReportModel.Cell.of(names.get(i)));
      for (int j = 0; j < names.size(); j++) {
        row.add(ReportModel.Cell.of(Fmt.fixed(c[i][j], 3)));
      }
      rows.add(row);
    }
    return new ReportModel.Table("correlation", header, numeric, rows);
  }

  private static String rebalanceNote(PortfolioResult p) {
    int schedule = 0;
    int drift = 0;
    double turnover = 0;
    double cost = 0;
    for (RebalanceEvent e : p.rebalances()) {
      schedule += e.reason() == RebalanceEvent.Reason.SCHEDULE ? 1 : 0;
      drift += e.reason() == RebalanceEvent.Reason.DRIFT ? 1 : 0;
      turnover += e.turnover();
      cost += e.cost();
    }
    String note =
        schedule
            + " scheduled and "
            + drift
            + " drift rebalances; total turnover "
            + Fmt.fractionAsPercent(turnover)
            + " of equity, costs "
            + Fmt.grouped(cost, 2)
            + ". Decided at a bar's close, traded at each symbol's next open.";
    if (p.rebalances().size() > MAX_REBALANCE_ROWS) {
      note += " Showing the first " + MAX_REBALANCE_ROWS + " of " + p.rebalances().size() + ".";
    }
    return note;
  }

  private static ReportModel.Table rebalances(PortfolioResult p) {
    List<List<ReportModel.Cell>> rows = new ArrayList<>();
    int shown = Math.min(p.rebalances().size(), MAX_REBALANCE_ROWS);
    for (int r = 0; r < shown; r++) {
      RebalanceEvent e = p.rebalances().get(r);
      List<String> w = new ArrayList<>();
      for (double v : e.targets()) {
        w.add(Fmt.fractionAsPercent(v));
      }
      rows.add(
          List.of(
              ReportModel.Cell.of(Fmt.time(e.timeMillis())),
              ReportModel.Cell.of(e.reason().dbName()),
              ReportModel.Cell.of(String.join(" / ", w)),
              ReportModel.Cell.of(Fmt.fractionAsPercent(e.turnover())),
              ReportModel.Cell.of(Fmt.grouped(e.cost(), 2))));
    }
    return new ReportModel.Table(
        "rebalances",
        List.of("Decided at (UTC)", "Reason", "Target weights", "Turnover", "Cost"),
        List.of(false, false, false, true, true),
        rows);
  }
}
