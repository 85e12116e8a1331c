package io.initbench.harness.spec;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} (0-based, as Slurm's SLURM_ARRAY_TASK_ID and Kubernetes'
 * JOB_COMPLETION_INDEX count). A cell belongs to the shard whose number is its id's first 8 hex digits
 * modulo {@code count}. The id hashes the cell's parameters, not its position, so the assignment does
 * not change when a suite's axis values are reordered, or when values are added (a cell keeps its shard
 * as long as {@code count} is the same); shard sizes are balanced only statistically.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not valid: use -Dshard=i/n with"
                    + " n >= 1 and 0 <= i < n (0-based, e.g. -Dshard=0/2 and -Dshard=1/2)");
        }
    }

    /** Parses {@code i/n}; null or blank = the whole suite. */
    public static Shard parse(String s) {
        if (s == null || s.isBlank()) {
            return ALL;
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("-Dshard=" + s + " is not valid: use i/n, 0-based, e.g. -Dshard=0/4"
                    + " for the first of four shards");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean contains(CellSpec cell) {
        return contains(cell.id());
    }

    /** Whether the cell or configuration with this hex id (e.g. {@link CellSpec#tuningId()}) is this shard's. */
    public boolean contains(String hexId) {
        return Long.parseLong(hexId.substring(0, 8), 16) % count == index;
    }

    /** The cells of this shard, in grid order. */
    public List<CellSpec> select(List<CellSpec> grid) {
        return grid.stream().filter(this::contains).toList();
    }

    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
