/**
 * The datasets initbench trains on: a registry of where each file officially lives and what its
 * checksum is ({@link io.initbench.datasets.DatasetId}), a loader that fetches, verifies and parses
 * them once per JVM ({@link io.initbench.datasets.DatasetLoader}), and the in-memory form
 * ({@link io.initbench.datasets.ImageSet}) with seeded, class-stratified subsets and pixel normalisation.
 *
 * A suite names a dataset with a {@link io.initbench.datasets.DatasetRef}: a built-in one, or data
 * the user brings ({@link io.initbench.datasets.user}).
 *
 * <p>Bytes in, bytes/floats out: the harness turns them into INDArrays. Only the image-folder reader
 * touches ND4J, because DataVec's decoder hands images over as INDArrays. DL4J's own fetchers download from DL4J's hosts and DataVec's CifarLoader has
 * file-list bugs in M2.1, so neither is used.
 */
package io.initbench.datasets;
