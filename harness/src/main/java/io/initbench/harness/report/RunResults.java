package io.initbench.harness.report;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.spec.SuiteSpec;
import java.util.Comparator;
import java.util.List;

/** The input of every report: a run's spec, provenance and cell records (sorted into grid order). */
public record RunResults(SuiteSpec suite, Provenance provenance, List<CellRecord> cells) {
    public RunResults {
        cells = cells.stream().sorted(Comparator.comparingInt(CellRecord::index)).toList();
    }
}
