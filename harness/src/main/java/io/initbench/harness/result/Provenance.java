package io.initbench.harness.result;

import java.util.List;
import java.util.Map;

/**
 * Where and how a run was made: enough to tell whether two numbers are comparable.
 *
 * @param backend      ND4J backend class (CpuBackend, CudaBackend)
 * @param backendInfo  ND4J's own environment report (BLAS vendor, cores, CUDA devices, ...)
 * @param gpu          GPU name(s) on the CUDA backend, else null
 * @param threadsPerWorker native (OpenMP/BLAS) threads each worker's ops use
 * @param layers       layer implementations the networks ran on ({@code fast} or {@code stock}, see
 *                     {@code -Dlayers}); null in records made before the choice existed
 * @param nativeBuild  the libnd4j build JavaCPP loaded, as its platform directory (e.g.
 *                     {@code linux-x86_64-onednn-avx2}); null when unknown or in older records
 * @param dl4jHelpers  whether DL4J's own layer helpers were allowed
 *                     ({@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}); null in older records
 */
public record Provenance(String suite, String runId, String gitCommit, boolean gitDirty, String initbenchVersion,
                         String dl4jVersion, String backend, Map<String, String> backendInfo, String cpuModel,
                         int logicalCores, String gpu, String jvm, String os, String hostname, int workers,
                         int threadsPerWorker, List<DatasetProvenance> datasets, String startedAt, String layers,
                         String nativeBuild, Boolean dl4jHelpers) {
    public Provenance {
        backendInfo = Map.copyOf(backendInfo);
        datasets = List.copyOf(datasets);
    }

    /** Without the layer-path, native-build and helper fields (unknown). */
    public Provenance(String suite, String runId, String gitCommit, boolean gitDirty, String initbenchVersion,
                      String dl4jVersion, String backend, Map<String, String> backendInfo, String cpuModel,
                      int logicalCores, String gpu, String jvm, String os, String hostname, int workers,
                      int threadsPerWorker, List<DatasetProvenance> datasets, String startedAt) {
        this(suite, runId, gitCommit, gitDirty, initbenchVersion, dl4jVersion, backend, backendInfo, cpuModel,
                logicalCores, gpu, jvm, os, hostname, workers, threadsPerWorker, datasets, startedAt, null, null, null);
    }
}
