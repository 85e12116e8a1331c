package io.initbench.harness.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how a run was made: enough to tell whether two numbers are comparable. Grouped as the code
 * that ran ({@link Software}), the machine it ran on ({@link Machine}), the run itself ({@link Run}) and
 * the dataset files it read.
 *
 * @param datasets every dataset file the run read, with its checksum
 */
public record Provenance(Software software, Machine machine, Run run, List<DatasetProvenance> datasets) {
    public Provenance {
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(run, "run");
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    /**
     * The code that ran.
     *
     * @param initbenchVersion the harness version ("unknown" when the build did not say)
     * @param gitCommit        the commit of that code, or "unknown"
     * @param gitDirty         whether the code differed from that commit
     * @param backend          ND4J backend class (CpuBackend, CudaBackend)
     * @param backendInfo      ND4J's own environment report (BLAS vendor, cores, CUDA devices, ...)
     * @param nativeBuild      the libnd4j build JavaCPP loaded, as its platform directory (e.g.
     *                         {@code linux-x86_64-onednn-avx2}); null when unknown or in older records
     * @param layers           layer implementations the networks ran on ({@code fast} or {@code stock}, see
     *                         {@code -Dlayers}); null in records made before the choice existed
     * @param dl4jHelpers      whether DL4J's own layer helpers were allowed
     *                         ({@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}); null in older records
     * @param jvm              JVM name and runtime version
     */
    public record Software(String initbenchVersion, String gitCommit, boolean gitDirty, String dl4jVersion,
                           String backend, Map<String, String> backendInfo, String nativeBuild, String layers,
                           Boolean dl4jHelpers, String jvm) {
        public Software {
            backendInfo = backendInfo == null ? Map.of() : Map.copyOf(backendInfo);
        }
    }

    /**
     * The machine it ran on.
     *
     * @param logicalCores processors the JVM saw
     * @param gpu          GPU name(s) on the CUDA backend, else null
     * @param os           name, version and architecture
     */
    public record Machine(String cpuModel, int logicalCores, String gpu, String os, String hostname) {
        public Machine {
            if (logicalCores < 0) {
                throw new IllegalArgumentException("logicalCores must be >= 0, not " + logicalCores);
            }
        }
    }

    /**
     * The run itself.
     *
     * @param startedAt        ISO-8601 instant the run (its first start, when resumed) began
     * @param threadsPerWorker native (OpenMP/BLAS) threads each worker's ops use
     */
    public record Run(String suite, String runId, String startedAt, int workers, int threadsPerWorker) {
        public Run {
            if (workers < 0 || threadsPerWorker < 0) {
                throw new IllegalArgumentException("workers and threadsPerWorker must be >= 0, not " + workers
                        + " and " + threadsPerWorker);
            }
        }
    }
}
