/**
 * The datasets initbench trains on: a registry of where each file officially lives and what its
 * checksum is ({@link io.initbench.datasets.DatasetId}), a loader that fetches, verifies and parses
 * them once per JVM ({@link io.initbench.datasets.DatasetLoader}), and the in-memory form
 * ({@link io.initbench.datasets.ImageSet}) with seeded, class-stratified subsets and pixel normalisation.
 *
 * <p>This module deliberately has no ND4J dependency: bytes in, bytes/floats out. The harness turns
 * them into INDArrays. DL4J's own fetchers download from DL4J's hosts and DataVec's CifarLoader has
 * file-list bugs in M2.1, so neither is used.
 */
package io.initbench.datasets;
