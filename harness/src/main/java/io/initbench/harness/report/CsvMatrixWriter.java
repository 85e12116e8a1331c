package io.initbench.harness.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.DatasetProvenance;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.spec.CellSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row per cell, flat columns, header first; empty field = no value (e.g. target never reached).
 * Numbers are written in full precision so that two runs can be compared exactly.
 */
public final class CsvMatrixWriter implements ReportWriter {

    @Override
    public void write(RunResults run, Appendable out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CellRecord r : run.cells()) {
            rows.add(row(r));
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        List<String> columns = rows.isEmpty() ? List.copyOf(row(null).keySet()) : List.copyOf(rows.get(0).keySet());
        columns.forEach(schema::addColumn);
        StringWriter sw = new StringWriter();
        new CsvMapper().writer(schema.build()).writeValues(sw).writeAll(rows).close();
        out.append(sw.toString());
    }

    private static Map<String, Object> row(CellRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        CellSpec c = r == null ? null : r.cell();
        Metrics x = r == null ? null : r.metrics();
        m.put("cell_id", r == null ? null : r.cellId());
        m.put("index", r == null ? null : r.index());
        m.put("suite", r == null ? null : r.suite());
        m.put("dataset", c == null ? null : c.dataset().key());
        m.put("architecture", c == null ? null : c.architecture().name());
        m.put("depth", c == null ? null : c.depth());
        m.put("width", c == null ? null : c.width());
        m.put("weight_init", c == null ? null : c.weightInit().label());
        m.put("activation", c == null ? null : c.activation().name());
        m.put("batch_norm", c == null ? null : c.batchNorm());
        m.put("bias_init", c == null ? null : c.biasInit().label());
        m.put("seed", c == null ? null : c.seed());
        m.put("optimizer", c == null ? null : c.training().optimizer().name());
        m.put("learning_rate", c == null ? null : c.training().learningRate());
        m.put("batch_size", c == null ? null : c.training().batchSize());
        m.put("epochs", c == null ? null : c.training().epochs());
        m.put("target_accuracy", c == null ? null : c.training().targetAccuracy());
        m.put("status", r == null ? null : r.status().name());
        m.put("final_accuracy", x == null ? null : x.finalAccuracy());
        m.put("best_accuracy", x == null ? null : x.bestAccuracy());
        m.put("initial_accuracy", x == null ? null : x.initialAccuracy());
        m.put("final_train_loss", x == null ? null : x.finalTrainLoss());
        m.put("iterations_to_target", x == null ? null : x.iterationsToTarget());
        m.put("samples_to_target", x == null ? null : x.samplesToTarget());
        m.put("seconds_to_target", x == null ? null : x.secondsToTarget());
        m.put("auc", x == null ? null : x.auc());
        m.put("diverged_at_iteration", x == null ? null : x.divergedAtIteration());
        m.put("iterations", x == null ? null : x.iterations());
        m.put("samples", x == null ? null : x.samples());
        m.put("train_seconds", x == null ? null : x.trainSeconds());
        m.put("samples_per_second", x == null ? null : x.samplesPerSecond());
        m.put("parameter_count", x == null ? null : x.parameterCount());
        m.put("grad_ratio_step0", r == null ? null : r.diagnostics().gradientRatio());
        m.put("max_dead_fraction_step0", r == null ? null : r.diagnostics().maxDeadFraction());
        m.put("max_saturated_fraction_step0", r == null ? null : r.diagnostics().maxSaturatedFraction());
        m.put("min_distinct_units", r == null ? null : r.diagnostics().minDistinctUnits());
        m.put("git_commit", r == null ? null : r.provenance().gitCommit());
        m.put("backend", r == null ? null : r.provenance().backend());
        m.put("dataset_sha256", r == null ? null : r.provenance().datasets().stream()
                .filter(d -> d.dataset().equals(c.dataset().key())).map(DatasetProvenance::sha256)
                .collect(Collectors.joining(" ")));
        m.put("official_data", r == null ? null : r.provenance().datasets().stream()
                .filter(d -> d.dataset().equals(c.dataset().key())).allMatch(DatasetProvenance::official));
        m.put("reason", r == null ? null : r.reason());
        return m;
    }
}
