package io.initbench.harness.model.fast;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link MultiLayerUpdater}, taking the path DL4J meant for a network's own gradient.
 *
 * <p>{@code BaseMultiLayerUpdater.update} asks whether the gradient it is given is the network's flattened
 * gradient array by object identity; in M2.1 {@code DefaultGradient.gradient()} returns a new rank-1
 * reshape of that array on every call, so the answer is always no and every step takes the
 * "external gradient" path: the minibatch-division subsets are recomputed and two fresh views are cut
 * per parameter, before and after the updater, in every block. That bookkeeping, not the arithmetic,
 * was measured at about 0.7 ms of a 3.5 ms training step of the 4-layer MNIST MLP and 2.7 ms of a 6 ms
 * step with BatchNorm (26 parameter arrays; SGD's own arithmetic is a few tens of microseconds). When the
 * given gradient occupies exactly the network's gradient memory, this updater hands it on as that very
 * array, so the standard path runs: the same operations on the same memory with views made once.
 * Any other gradient (another network's, a copy) goes the external way, as before.
 */
public final class OwnGradientUpdater extends MultiLayerUpdater {

    public OwnGradientUpdater(MultiLayerNetwork network) {
        super(network);
    }

    /** Installs a fresh updater on a network just initialised, before its first update (no state to carry). */
    public static void install(MultiLayerNetwork network) {
        if (network.getLayers() == null) {
            throw new IllegalStateException("the network has no layers yet: call net.init() before installing its"
                    + " updater (LayerPath.prepare)");
        }
        network.setUpdater(new OwnGradientUpdater(network));
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize,
                                    LayerWorkspaceMgr workspaceMgr) {
        INDArray own = getFlattenedGradientsView();
        INDArray given = gradient.gradient();
        if (given != own && sameMemory(given, own)) {
            gradient = new Own(gradient, own);
        }
        super.update(gradient, iteration, epoch, batchSize, workspaceMgr);
    }

    /** Same first element, same length, both unbroken runs: the same floats. */
    static boolean sameMemory(INDArray a, INDArray b) {
        return a != null && b != null && a.length() == b.length() && a.dataType() == b.dataType()
                && a.elementWiseStride() == 1 && b.elementWiseStride() == 1
                && a.data().addressPointer().address() == b.data().addressPointer().address();
    }

    @Override
    public Updater clone() {
        OwnGradientUpdater copy = new OwnGradientUpdater(network);
        if (getStateViewArray() != null) {
            copy.setStateViewArray(getStateViewArray().dup());
        }
        return copy;
    }

    /** The given gradient, except that its flattened form is the network's array itself. */
    private record Own(Gradient delegate, INDArray flat) implements Gradient {
        @Override
        public Map<String, INDArray> gradientForVariable() {
            return delegate.gradientForVariable();
        }

        @Override
        public INDArray gradient(List<String> order) {
            return delegate.gradient(order);
        }

        @Override
        public INDArray gradient() {
            return flat;
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public INDArray getGradientFor(String variable) {
            return delegate.getGradientFor(variable);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray gradient) {
            return delegate.setGradientFor(variable, gradient);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray gradient, Character flatteningOrder) {
            return delegate.setGradientFor(variable, gradient, flatteningOrder);
        }

        @Override
        public Character flatteningOrderForVariable(String variable) {
            return delegate.flatteningOrderForVariable(variable);
        }
    }
}
