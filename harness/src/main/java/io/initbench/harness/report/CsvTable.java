package io.initbench.harness.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A CSV file as a list of named columns read from row objects; header first, null = empty field. */
final class CsvTable {
    private CsvTable() {
    }

    /** One column: its header and how to read it from a row. */
    record Column<T>(String name, Function<T, Object> value) {
    }

    static <T> void write(List<Column<T>> columns, List<T> rows, Appendable out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(c -> schema.addColumn(c.name()));
        List<Map<String, Object>> values = new ArrayList<>();
        for (T row : rows) {
            Map<String, Object> v = new LinkedHashMap<>();
            columns.forEach(c -> v.put(c.name(), c.value().apply(row)));
            values.add(v);
        }
        StringWriter sw = new StringWriter();
        new CsvMapper().writer(schema.build()).writeValues(sw).writeAll(values).close();
        out.append(sw.toString());
    }
}
