package io.initbench.harness.result;

import io.initbench.datasets.DatasetRef;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.Axes;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.SuiteSpec;
import org.nd4j.linalg.activations.Activation;
import java.util.List;

/**
 * The input of every report: a run's spec, provenance and cell records (sorted into grid order). The
 * results are {@code cells}: grid cells, or with tuning the final cells at their tuned rates; the tuning
 * cells that chose those rates are kept apart in {@code tuning}.
 */
public record RunResults(SuiteSpec suite, Provenance provenance, List<CellRecord> cells, List<CellRecord> tuning) {
    public RunResults {
        cells = cells.stream().sorted(CellRecord.GRID_ORDER).toList();
        tuning = tuning.stream().sorted(CellRecord.GRID_ORDER).toList();
    }

    /** A run's records, split into results and tuning cells by their phase. */
    public RunResults(SuiteSpec suite, Provenance provenance, List<CellRecord> records) {
        this(suite, provenance, records.stream().filter(r -> r.phase() != CellPhase.TUNING).toList(),
                records.stream().filter(r -> r.phase() == CellPhase.TUNING).toList());
    }

    /** Every record, tuning cells included, in grid order. */
    public List<CellRecord> allCells() {
        return java.util.stream.Stream.concat(cells.stream(), tuning.stream())
                .sorted(CellRecord.GRID_ORDER).toList();
    }

    /**
     * A run rebuilt from its records alone, for a directory that lost suite.json and metadata.json:
     * every record carries its cell (with the training settings) and its provenance, so only the
     * suite's description is lost; the axes are the values the records hold, in grid order.
     */
    public static RunResults fromCells(List<CellRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to build a report from");
        }
        List<CellRecord> sorted = records.stream().sorted(CellRecord.GRID_ORDER).toList();
        // the axes are those of the results; tuning cells add their own seeds and rates
        List<CellRecord> results = sorted.stream().filter(r -> r.phase() != CellPhase.TUNING).toList();
        List<CellRecord> axisSource = results.isEmpty() ? sorted : results;
        java.util.function.Function<java.util.function.Function<CellSpec, Object>, List<?>> distinct =
                f -> axisSource.stream().map(r -> f.apply(r.cell())).distinct().toList();
        @SuppressWarnings("unchecked")
        Axes axes = new Axes((List<DatasetRef>) distinct.apply(CellSpec::dataset),
                (List<Architecture>) distinct.apply(CellSpec::architecture), (List<Integer>) distinct.apply(CellSpec::depth),
                (List<Integer>) distinct.apply(CellSpec::width), (List<InitSpec>) distinct.apply(CellSpec::weightInit),
                (List<Activation>) distinct.apply(CellSpec::activation), (List<Boolean>) distinct.apply(CellSpec::batchNorm),
                (List<BiasSpec>) distinct.apply(CellSpec::biasInit),
                (List<Double>) distinct.apply(CellSpec::learningRate),
                (List<Long>) distinct.apply(CellSpec::seed));
        CellRecord first = sorted.get(0);
        SuiteSpec suite = new SuiteSpec(first.identity().suite(), "", axes, first.cell().training());
        return new RunResults(suite, first.provenance(), sorted);
    }
}
