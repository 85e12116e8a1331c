package io.initbench.harness.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one cell: the line written to {@code cells.jsonl}.
 *
 * <p>The Java type is grouped; the line is flat. {@link Identity}, {@link Outcome} and {@link Execution}
 * are written with their fields at the top of the line ({@link JsonUnwrapped}) and read back by
 * {@link CellRecordReader}, so the line has the same fields as before the grouping and needs no new
 * format version. The field names of the groups and of the record's other components are therefore
 * distinct.
 *
 * @param formatVersion the layout of the line this record was read from (a property of the line, not of the
 *                      cell: {@link RunStore} and {@link RecordMigration} key on it before the line is bound)
 * @param identity      which cell of which run
 * @param outcome       how the cell ended
 * @param metrics       what it measured
 * @param curve         the learning curve
 * @param diagnostics   why it behaved as it did ({@link Diagnostics#none()} for a cell that never trained)
 * @param execution     when and where it ran
 * @param provenance    the software and machine it ran on (null in records made outside a run)
 */
@JsonDeserialize(using = CellRecordReader.class)
public record CellRecord(int formatVersion, @JsonUnwrapped Identity identity, @JsonUnwrapped Outcome outcome,
                         Metrics metrics, List<CurvePoint> curve, Diagnostics diagnostics,
                         @JsonUnwrapped Execution execution, Provenance provenance) {
    /**
     * 5: the cell's learning rate is a field of the cell ({@code cell.learningRate}, after {@code biasInit})
     * instead of its training settings ({@code cell.training.learningRate}); the cell ids are unchanged.
     * 4: metrics grouped (accuracy, convergence, timing) and provenance grouped (software, machine, run,
     * datasets). 3: validation split (curve points carry validationAccuracy and a nullable testAccuracy; metrics
     * carry the final validation accuracy; phase; the divergence rule). Versions 1 to 4 are upgraded by
     * {@link RecordMigration} when read; versions 1 and 2 read as cells without a validation split, whose curve
     * was measured on the test split: exactly what they were. Grouping this type into identity, outcome and
     * execution left the line's fields as they were (that change kept 4).
     */
    public static final int FORMAT_VERSION = 5;

    /** The order of the suite's grid, which reports keep. */
    public static final Comparator<CellRecord> GRID_ORDER = Comparator.comparingInt(r -> r.identity().index());

    public CellRecord {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(execution, "execution");
        curve = List.copyOf(curve);
        // records of cells that never trained, or written before diagnostics existed, carry none
        diagnostics = diagnostics == null ? Diagnostics.none() : diagnostics;
    }

    /**
     * Which cell of which run.
     *
     * @param index position of the cell in the suite's grid (reports keep this order)
     * @param runId the run that wrote the record (null in {@link #withoutTimings()} views)
     * @param phase what the cell was for: a grid cell, a tuning cell, or a final cell at a tuned rate
     */
    @JsonIgnoreProperties(ignoreUnknown = true) // bound from the whole flat line
    public record Identity(String cellId, int index, String suite, String runId, CellSpec cell, CellPhase phase) {
        public Identity {
            // records written before tuning existed were all grid cells
            phase = phase == null ? CellPhase.GRID : phase;
        }
    }

    /**
     * How the cell ended.
     *
     * @param reason         why a cell is not OK (null when OK)
     * @param error          stack trace of an ERROR cell, else null
     * @param divergenceRule when the trainer that wrote the record calls a cell DIVERGED, in words (null in
     *                       records written before the rule was recorded, and in records made outside the trainer)
     */
    @JsonIgnoreProperties(ignoreUnknown = true) // bound from the whole flat line
    public record Outcome(Status status, String reason, String error, String divergenceRule) {
        public Outcome {
            Objects.requireNonNull(status, "status");
        }

        /** An outcome without a stack trace or divergence rule (made outside the trainer). */
        public static Outcome of(Status status, String reason) {
            return new Outcome(status, reason, null, null);
        }
    }

    /**
     * When and where the cell ran: ISO-8601 instants and the worker thread's name, each null in records
     * made outside a run.
     */
    @JsonIgnoreProperties(ignoreUnknown = true) // bound from the whole flat line
    public record Execution(String startedAt, String finishedAt, String worker) {
        /** No execution recorded (records made outside a run, {@link #withoutTimings()} views). */
        public static final Execution NONE = new Execution(null, null, null);
    }

    /** The cell's id (shorthand for {@code identity().cellId()}). */
    public String cellId() {
        return identity.cellId();
    }

    /** The cell's parameters (shorthand for {@code identity().cell()}). */
    public CellSpec cell() {
        return identity.cell();
    }

    /** What the cell was for (shorthand for {@code identity().phase()}). */
    public CellPhase phase() {
        return identity.phase();
    }

    /** How the cell ended (shorthand for {@code outcome().status()}). */
    public Status status() {
        return outcome.status();
    }

    /** Why the cell is not OK, null when OK (shorthand for {@code outcome().reason()}). */
    public String reason() {
        return outcome.reason();
    }

    /** The same record with another outcome. */
    public CellRecord withOutcome(Outcome other) {
        return new CellRecord(formatVersion, identity, other, metrics, curve, diagnostics, execution, provenance);
    }

    /** The same record with other metrics. */
    public CellRecord withMetrics(Metrics other) {
        return new CellRecord(formatVersion, identity, outcome, other, curve, diagnostics, execution, provenance);
    }

    /** The same record with another learning curve. */
    public CellRecord withCurve(List<CurvePoint> other) {
        return new CellRecord(formatVersion, identity, outcome, metrics, other, diagnostics, execution, provenance);
    }

    /**
     * The record without what legitimately differs between two runs of the same cell (timings, dates,
     * worker, run id, provenance, the format it was read from): two runs agree on a cell when these views
     * are equal.
     */
    public CellRecord withoutTimings() {
        List<CurvePoint> c = curve.stream().map(p -> new CurvePoint(p.iteration(), p.samples(), 0, p.trainLoss(),
                p.testAccuracy(), p.validationAccuracy())).toList();
        Identity id = new Identity(identity.cellId(), identity.index(), identity.suite(), null, identity.cell(),
                identity.phase());
        // an ERROR's stack trace carries line numbers and thread names; its reason says what went wrong
        Outcome o = new Outcome(outcome.status(), outcome.status() == Status.TIMEOUT ? null : outcome.reason(), null,
                outcome.divergenceRule());
        return new CellRecord(FORMAT_VERSION, id, o, metrics.withoutTimings(), c, diagnostics, Execution.NONE, null);
    }
}
