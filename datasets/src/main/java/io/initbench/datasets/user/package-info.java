/**
 * Data users bring: an image folder read with DataVec's {@code ImageRecordReader} (one sub-folder per
 * class, labels from {@code ParentPathLabelGenerator}) and a directory of MNIST-style IDX files. Both end
 * up as the same {@link io.initbench.datasets.ImageSet} bytes as the built-in datasets, so subsetting and
 * normalisation work unchanged; provenance is a SHA-256 of the file listing instead of a published
 * checksum.
 */
package io.initbench.datasets.user;
