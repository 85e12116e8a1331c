package io.initbench.harness.spec;

/** A suite that cannot be loaded or is invalid; the message names the problem and the fix. */
public class SuiteException extends RuntimeException {
    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
