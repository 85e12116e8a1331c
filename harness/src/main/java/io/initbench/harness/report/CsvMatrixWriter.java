package io.initbench.harness.report;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.DatasetProvenance;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Parameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One row per cell, flat columns, header first; empty field = no value (e.g. target never reached).
 * Numbers are written in full precision so that two runs can be compared exactly.
 */
public final class CsvMatrixWriter implements ReportWriter {

    private static final List<CsvTable.Column<CellRecord>> COLUMNS = columns();

    private static List<CsvTable.Column<CellRecord>> columns() {
        List<CsvTable.Column<CellRecord>> c = new ArrayList<>(List.of(
                col("cell_id", CellRecord::cellId),
                col("index", r -> r.identity().index()),
                col("suite", r -> r.identity().suite())));
        // every axis and training setting, from their one declaration
        for (Parameter p : Parameter.ALL) {
            c.add(cell(p.column(), p::label));
        }
        c.addAll(List.of(
                col("phase", r -> r.phase().name()),
                col("status", r -> r.status().name()),
                metric("final_accuracy", m -> m.accuracy().finalTest()),
                metric("final_validation_accuracy", m -> m.accuracy().finalValidation()),
                metric("best_accuracy", m -> m.accuracy().best()),
                metric("initial_accuracy", m -> m.accuracy().initial()),
                metric("final_train_loss", m -> m.accuracy().finalTrainLoss()),
                metric("iterations_to_target", m -> m.convergence().iterationsToTarget()),
                metric("samples_to_target", m -> m.convergence().samplesToTarget()),
                metric("seconds_to_target", m -> m.convergence().secondsToTarget()),
                metric("auc", m -> m.convergence().auc()),
                metric("diverged_at_iteration", m -> m.convergence().divergedAtIteration()),
                metric("iterations", m -> m.timing().iterations()),
                metric("samples", m -> m.timing().samples()),
                metric("train_seconds", m -> m.timing().trainSeconds()),
                metric("samples_per_second", m -> m.timing().samplesPerSecond()),
                metric("parameter_count", Metrics::parameterCount),
                col("grad_ratio_step0", r -> r.diagnostics().gradientRatio()),
                col("max_dead_fraction_step0", r -> r.diagnostics().maxDeadFraction()),
                col("max_saturated_fraction_step0", r -> r.diagnostics().maxSaturatedFraction()),
                col("min_distinct_units", r -> r.diagnostics().minDistinctUnits()),
                col("git_commit", r -> r.provenance().software().gitCommit()),
                col("backend", r -> r.provenance().software().backend()),
                col("dataset_sha256", r -> files(r).map(DatasetProvenance::sha256).collect(Collectors.joining(" "))),
                col("official_data", r -> files(r).allMatch(DatasetProvenance::official)),
                col("reason", CellRecord::reason)));
        return List.copyOf(c);
    }

    @Override
    public void write(RunResults run, Appendable out) throws IOException {
        // tuning cells too: the file holds every cell the run trained, its phase says what for
        CsvTable.write(COLUMNS, run.allCells(), out);
    }

    private static CsvTable.Column<CellRecord> col(String name, Function<CellRecord, Object> value) {
        return new CsvTable.Column<>(name, value);
    }

    private static CsvTable.Column<CellRecord> cell(String name, Function<CellSpec, Object> value) {
        return new CsvTable.Column<>(name, r -> value.apply(r.cell()));
    }

    private static CsvTable.Column<CellRecord> metric(String name, Function<Metrics, Object> value) {
        return new CsvTable.Column<>(name, r -> value.apply(r.metrics()));
    }

    /** The provenance entries of the dataset this cell trained on. */
    private static Stream<DatasetProvenance> files(CellRecord r) {
        return r.provenance().datasets().stream().filter(d -> d.dataset().equals(r.cell().dataset().key()));
    }
}
