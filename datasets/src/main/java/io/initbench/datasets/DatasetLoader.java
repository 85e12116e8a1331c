package io.initbench.datasets;

import io.initbench.datasets.fetch.DatasetStore;
import io.initbench.datasets.fetch.Downloader;
import io.initbench.datasets.fetch.VerifiedFile;
import io.initbench.datasets.format.CifarReader;
import io.initbench.datasets.format.IdxImages;
import io.initbench.datasets.format.IdxReader;
import io.initbench.datasets.format.IdxReader.IdxArray;
import io.initbench.datasets.user.IdxDirectoryReader;
import io.initbench.datasets.user.ImageFolderReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches, verifies and parses a dataset once, then hands the same in-memory copy to every caller:
 * one instance per run, shared by all training cells (parsing CIFAR-10 takes seconds and 180 MB).
 */
public final class DatasetLoader {
    private static final Logger log = LoggerFactory.getLogger(DatasetLoader.class);

    private final DatasetStore store;
    private final Map<DatasetRef, LoadedDataset> loaded = new ConcurrentHashMap<>();

    public DatasetLoader(DatasetStore store) {
        this.store = store;
    }

    public static DatasetLoader create(DatasetSettings settings) {
        return new DatasetLoader(new DatasetStore(settings.cacheDir(), settings.mirror(), settings.verify(),
                Downloader.forConsole()));
    }

    public LoadedDataset load(DatasetId id) {
        return load(DatasetRef.of(id));
    }

    public LoadedDataset load(DatasetRef ref) {
        return loaded.computeIfAbsent(ref, r -> {
            long t0 = System.nanoTime();
            // every kind handled: a new one does not compile here until it has its reader
            LoadedDataset d = r.match(new DatasetRef.Cases<>() {
                @Override
                public LoadedDataset builtin(DatasetRef.Builtin b) {
                    return fetchAndParse(b.id());
                }

                @Override
                public LoadedDataset imageFolder(DatasetRef.ImageFolder f) {
                    return ImageFolderReader.load(f);
                }

                @Override
                public LoadedDataset idxDirectory(DatasetRef.IdxDirectory i) {
                    return IdxDirectoryReader.load(i);
                }
            });
            if (r.userData()) {
                log.info("loaded {}: {} train / {} test images, {} classes, {} in {} ms", r.key(),
                        d.splits().train().count(), d.splits().test().count(), d.classNames().size(),
                        d.files().stream().map(f -> f.name() + " sha256 " + f.sha256().substring(0, 12))
                                .collect(Collectors.joining(", ")), (System.nanoTime() - t0) / 1_000_000);
            }
            return d;
        });
    }

    private LoadedDataset fetchAndParse(DatasetId id) {
        long t0 = System.nanoTime();
        List<VerifiedFile> files = new ArrayList<>();
        for (var remote : id.files()) {
            files.add(store.ensure(remote));
        }
        LoadedDataset result = switch (id) {
            case MNIST -> new LoadedDataset(DatasetRef.of(id), parseMnist(files), files,
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
            case CIFAR10 -> {
                CifarReader.Archive archive = readCifar(files.get(0));
                yield new LoadedDataset(DatasetRef.of(id), archive.splits(), files, archive.classNames());
            }
        };
        expectCount(id, "train", result.splits().train().count(), id.trainCount());
        expectCount(id, "test", result.splits().test().count(), id.testCount());
        log.info("loaded {}: {} train / {} test images in {} ms{}", id, result.splits().train().count(),
                result.splits().test().count(), (System.nanoTime() - t0) / 1_000_000,
                result.official() ? "" : " (NOT the official files: see warnings above)");
        return result;
    }

    private static void expectCount(DatasetId id, String split, int actual, int expected) {
        if (actual != expected) {
            throw new DatasetException(id + " " + split + " split has " + actual + " records, the official dataset has "
                    + expected + "; the files are not " + id + " or are corrupt");
        }
    }

    /** Files in registry order: train images, train labels, test images, test labels. */
    static Splits parseMnist(List<VerifiedFile> files) {
        IdxReader reader = new IdxReader();
        IdxArray trainX = readIdx(reader, files.get(0));
        IdxArray trainY = readIdx(reader, files.get(1));
        IdxArray testX = readIdx(reader, files.get(2));
        IdxArray testY = readIdx(reader, files.get(3));
        return new Splits(IdxImages.digits(trainX, trainY, files.get(0).name(), files.get(1).name()),
                IdxImages.digits(testX, testY, files.get(2).name(), files.get(3).name()));
    }

    private static IdxArray readIdx(IdxReader reader, VerifiedFile file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file.path()), 1 << 16)) {
            return reader.read(in, file.path().toString());
        } catch (IOException e) {
            throw new DatasetException(file.path() + ": not a readable gzip file (" + e.getMessage() + ")", e);
        }
    }

    private static CifarReader.Archive readCifar(VerifiedFile file) {
        try (InputStream in = Files.newInputStream(file.path())) {
            return new CifarReader().read(in, file.path().toString());
        } catch (IOException e) {
            throw new DatasetException(file.path() + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
