package io.initbench.harness.cli;

import io.initbench.harness.result.CellRecord;
import java.nio.file.Path;
import java.util.List;

/** The outcome of a run or a merge: where it wrote and what it recorded. */
public record RunOutcome(Path dir, List<CellRecord> records) {
}
