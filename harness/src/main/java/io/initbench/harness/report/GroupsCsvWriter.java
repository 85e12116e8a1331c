package io.initbench.harness.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.stats.Ranking;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code groups.csv}: one row per configuration (cells that differ only by seed) with the statistics
 * over its seeds and its rank among the initializers of its family. Empty field = undefined (one seed
 * has no interval; an untestable comparison has no p-value).
 */
public final class GroupsCsvWriter implements ReportWriter {
    private static final List<String> HEADER = List.of("config_id", "dataset", "architecture", "depth", "width",
            "weight_init", "activation", "batch_norm", "bias_init", "seeds", "ok", "diverged", "skipped", "error",
            "timeout", "accuracy_n", "accuracy_mean", "accuracy_sd", "accuracy_ci95_low", "accuracy_ci95_high",
            "reached_target", "samples_to_target_mean", "samples_to_target_sd", "samples_to_target_ci95_low",
            "samples_to_target_ci95_high", "sample_budget", "rank", "p_vs_best_welch");

    @Override
    public void write(RunResults run, Appendable out) throws IOException {
        Map<String, Ranking.Entry> ranks = new LinkedHashMap<>();
        for (Ranking.Family f : Ranking.of(SeedGroup.of(run.cells()))) {
            f.entries().forEach(e -> ranks.put(e.group().configId(), e));
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        HEADER.forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SeedGroup g : SeedGroup.of(run.cells())) {
            CellSpec c = g.config();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("config_id", g.configId());
            row.put("dataset", c.dataset().key());
            row.put("architecture", c.architecture().name());
            row.put("depth", c.depth());
            row.put("width", c.width());
            row.put("weight_init", c.weightInit().label());
            row.put("activation", c.activation().name());
            row.put("batch_norm", c.batchNorm());
            row.put("bias_init", c.biasInit().label());
            row.put("seeds", g.seeds().size());
            row.put("ok", g.count(Status.OK));
            row.put("diverged", g.count(Status.DIVERGED));
            row.put("skipped", g.count(Status.SKIPPED));
            row.put("error", g.count(Status.ERROR));
            row.put("timeout", g.count(Status.TIMEOUT));
            summary(row, "accuracy", g.accuracy(), true);
            row.put("reached_target", g.reachedTarget());
            summary(row, "samples_to_target", g.samplesToTarget(), false);
            row.put("sample_budget", c.sampleBudget());
            Ranking.Entry e = ranks.get(g.configId());
            row.put("rank", e == null ? null : e.rank());
            row.put("p_vs_best_welch", e == null ? null : e.pValue());
            rows.add(row);
        }
        StringWriter sw = new StringWriter();
        new CsvMapper().writer(schema.build()).writeValues(sw).writeAll(rows).close();
        out.append(sw.toString());
    }

    private static void summary(Map<String, Object> row, String prefix, Summary s, boolean withN) {
        if (withN) {
            row.put(prefix + "_n", s == null ? 0 : s.n());
        }
        row.put(prefix + "_mean", s == null ? null : s.mean());
        row.put(prefix + "_sd", s == null ? null : s.sd());
        row.put(prefix + "_ci95_low", s == null ? null : s.ciLow());
        row.put(prefix + "_ci95_high", s == null ? null : s.ciHigh());
    }
}
