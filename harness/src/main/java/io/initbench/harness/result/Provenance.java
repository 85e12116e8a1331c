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
 */
public record Provenance(String suite, String runId, String gitCommit, boolean gitDirty, String initbenchVersion,
                         String dl4jVersion, String backend, Map<String, String> backendInfo, String cpuModel,
                         int logicalCores, String gpu, String jvm, String os, String hostname, int workers,
                         int threadsPerWorker, List<DatasetProvenance> datasets, String startedAt) {
    public Provenance {
        backendInfo = Map.copyOf(backendInfo);
        datasets = List.copyOf(datasets);
    }
}
