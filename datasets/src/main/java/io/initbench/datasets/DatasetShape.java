package io.initbench.datasets;

/** What a network needs to know about its data: image shape (C×H×W) and the number of classes. */
public record DatasetShape(int channels, int height, int width, int classes) {
    public int featureSize() {
        return channels * height * width;
    }
}
