/**
 * Getting dataset files onto disk safely: sources (official URLs, fallbacks, an offline mirror),
 * atomic download (temp file + rename) with progress, and checksum verification that decides
 * whether a file may be parsed at all.
 */
package io.initbench.datasets.fetch;
