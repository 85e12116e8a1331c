package io.initbench.harness.report;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.spec.CellSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The axes that split a report into panels; initializer (rows) and activation (columns) vary inside
 * one panel, seeds are aggregated.
 */
record TableGroup(String dataset, String architecture, int depth, int width, String biasInit, boolean bn) {
    static TableGroup of(CellSpec c) {
        return new TableGroup(c.dataset().key(), c.architecture().name().toLowerCase(Locale.ROOT), c.depth(),
                c.width(), c.biasInit().label(), c.batchNorm());
    }

    String title() {
        return dataset + " · " + architecture + " depth " + depth + " width " + width + " · bias "
                + biasInit + " · BatchNorm " + (bn ? "on" : "off");
    }

    /** The same panel with BatchNorm {@code on}: the one whose learning curves are overlaid with this one's. */
    TableGroup withBatchNorm(boolean on) {
        return new TableGroup(dataset, architecture, depth, width, biasInit, on);
    }

    /** Records split into panels, in grid order. */
    static Map<TableGroup, List<CellRecord>> split(List<CellRecord> records) {
        Map<TableGroup, List<CellRecord>> groups = new LinkedHashMap<>();
        for (CellRecord r : records) {
            groups.computeIfAbsent(of(r.cell()), g -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    static Set<String> inits(List<CellRecord> records) {
        Set<String> s = new LinkedHashSet<>();
        records.forEach(r -> s.add(r.cell().weightInit().label()));
        return s;
    }

    static Set<String> activations(List<CellRecord> records) {
        Set<String> s = new LinkedHashSet<>();
        records.forEach(r -> s.add(r.cell().activation().name()));
        return s;
    }

    static List<CellRecord> seeds(List<CellRecord> records, String init, String activation) {
        return records.stream().filter(r -> r.cell().weightInit().label().equals(init)
                && r.cell().activation().name().equals(activation)).toList();
    }
}
