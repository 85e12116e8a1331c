package io.initbench.harness.model.fast;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An array a training forward pass keeps for the backward pass of the same iteration (a pre-activation),
 * valid only for the input it was computed from and while the workspace generation it lives in is still
 * open: DL4J reuses workspace memory in the next iteration, so a kept array from an earlier one would read
 * another iteration's values.
 */
final class KeptPass {
    private INDArray input;
    private INDArray kept;
    private long generation;

    void keep(INDArray forInput, INDArray array) {
        input = forInput;
        kept = array;
        MemoryWorkspace ws = array.isAttached() ? array.data().getParentWorkspace() : null;
        generation = ws == null ? -1 : ws.getGenerationId();
    }

    /** The kept array if it belongs to {@code in} and its workspace generation, else null. */
    INDArray validFor(INDArray in) {
        if (kept == null || input != in) {
            return null;
        }
        if (!kept.isAttached()) {
            return kept;
        }
        MemoryWorkspace ws = kept.data().getParentWorkspace();
        return ws != null && ws.isScopeActive() && ws.getGenerationId() == generation ? kept : null;
    }

    void forget() {
        input = null;
        kept = null;
    }
}
