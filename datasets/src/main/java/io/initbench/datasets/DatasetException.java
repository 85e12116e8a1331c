package io.initbench.datasets;

/**
 * Any problem getting or reading a dataset. The message always says what is wrong, with which file,
 * and what the user can do about it: this is what a nightly job's log shows.
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
