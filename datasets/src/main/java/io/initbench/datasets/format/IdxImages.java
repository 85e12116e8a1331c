package io.initbench.datasets.format;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.format.IdxReader.IdxArray;
import java.util.Arrays;

/**
 * Pairs a parsed IDX image file with its label file into an {@link ImageSet}: the one place that checks
 * the two belong together, used by the built-in MNIST and by a user's directory of IDX files alike.
 */
public final class IdxImages {
    /** MNIST's classes: the digits 0 to 9. */
    public static final int DIGITS = 10;

    private IdxImages() {
    }

    /** Pairs an IDX image array {@code [n, rows, cols]} with an IDX label array {@code [n]} of digits. */
    public static ImageSet digits(IdxArray images, IdxArray labels, String source) {
        return digits(images, labels, source, "its label file");
    }

    /** The same, naming the label file {@code labelSource} when the two do not belong together. */
    public static ImageSet digits(IdxArray images, IdxArray labels, String source, String labelSource) {
        return pair(images, labels, source, labelSource, DIGITS);
    }

    /**
     * Pairs an IDX image array {@code [n, rows, cols]} with an IDX label array {@code [n]} of class indices;
     * {@code labelSource} names the label file when the two do not belong together.
     */
    public static ImageSet pair(IdxArray images, IdxArray labels, String source, String labelSource,
                                int numClasses) {
        if (images.dims().length != 3) {
            throw new DatasetException(source + ": image file has dimensions " + Arrays.toString(images.dims())
                    + ", expected [count, rows, cols]");
        }
        if (labels.dims().length != 1) {
            throw new DatasetException(source + ": label file has dimensions " + Arrays.toString(labels.dims())
                    + ", expected [count]");
        }
        if (images.count() != labels.count()) {
            throw new DatasetException(source + " holds " + images.count() + " images but " + labelSource + " holds "
                    + labels.count() + " labels: " + labelSource + " is not the label file of these images (train-images"
                    + " pair with train-labels, t10k-images with t10k-labels); put the right " + labelSource
                    + " into the mirror, and delete the cached copy (under -Ddatasets.dir) to fetch it again");
        }
        for (int i = 0; i < labels.count(); i++) {
            if (Byte.toUnsignedInt(labels.data()[i]) >= numClasses) {
                throw new DatasetException(source + ": label " + Byte.toUnsignedInt(labels.data()[i]) + " at record " + i
                        + " is not a class index below " + numClasses + "; the label file is corrupt");
            }
        }
        return new ImageSet(images.count(), 1, images.dims()[1], images.dims()[2], numClasses, images.data(),
                labels.data());
    }
}
