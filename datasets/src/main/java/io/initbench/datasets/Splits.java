package io.initbench.datasets;

/** The training and test split of one dataset. */
public record Splits(ImageSet train, ImageSet test) {
    public Splits {
        if (train.featureSize() != test.featureSize() || train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException("train " + train + " and test " + test + " differ in shape");
        }
    }
}
