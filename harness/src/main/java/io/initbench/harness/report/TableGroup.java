package io.initbench.harness.report;

import io.initbench.harness.output.Format;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A panel of a report: the values of every axis (from {@link Parameter#axes()}) but the ones that vary
 * inside a panel, the initializer (rows), the activation (columns) and the seed (aggregated). A new axis
 * therefore splits the panels without a change here.
 *
 * @param values "axis value" for each panel axis, in id order
 */
record TableGroup(List<String> values) {
    private static final Set<String> INSIDE = Set.of("weightInit", "activation", "seed");
    private static final String BATCH_NORM = "batchNorm";

    /** The panel of a record; final cells at tuned rates share one panel whatever rate each chose. */
    static TableGroup of(CellRecord r) {
        return of(r.cell(), r.phase());
    }

    /** The panel of a cell that was trained for {@code phase}. */
    static TableGroup of(CellSpec cell, CellPhase phase) {
        List<String> values = new ArrayList<>();
        for (Parameter p : Parameter.axes()) {
            if (INSIDE.contains(p.key())) {
                continue;
            }
            String v = p.key().equals("learningRate") ? phase == CellPhase.TUNED ? "tuned"
                    : Format.rate(cell.learningRate()) : p.label(cell);
            values.add(p.key() + " " + v);
        }
        return new TableGroup(List.copyOf(values));
    }

    String title() {
        return String.join(" · ", values);
    }

    /** Whether this panel's cells train with BatchNorm. */
    boolean bn() {
        return values.contains(BATCH_NORM + " true");
    }

    /** The same panel with BatchNorm {@code on}: the one whose learning curves are overlaid with this one's. */
    TableGroup withBatchNorm(boolean on) {
        return new TableGroup(values.stream().map(v -> v.startsWith(BATCH_NORM + " ") ? BATCH_NORM + " " + on : v)
                .toList());
    }

    /** Records split into panels, in grid order. */
    static Map<TableGroup, List<CellRecord>> split(List<CellRecord> records) {
        Map<TableGroup, List<CellRecord>> groups = new LinkedHashMap<>();
        for (CellRecord r : records) {
            groups.computeIfAbsent(of(r), g -> new ArrayList<>()).add(r);
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
