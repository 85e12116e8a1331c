/**
 * Parsers for the two on-disk formats: IDX (MNIST) and the CIFAR-10 binary batches inside the
 * official tar.gz. Both validate magic numbers, declared sizes and record counts and fail with a
 * {@link io.initbench.datasets.DatasetException} that names the file and the problem; neither trusts
 * a size field before the bytes are actually there. {@link io.initbench.datasets.format.IdxImages} pairs an
 * IDX image file with its label file, for the built-in MNIST and a user's IDX directory alike.
 */
package io.initbench.datasets.format;
