package io.initbench.harness.diagnostics;

import io.initbench.harness.model.PostInit;
import io.initbench.harness.model.UnitLayout;
import io.initbench.harness.result.GradientPoint;
import io.initbench.harness.result.LayerSignal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a network's signal and gradients without changing it. Forward passes run in training mode,
 * because that is what the first update sees: in inference mode an untrained BatchNormalization layer
 * (running mean 0, variance 1) is the identity and would hide what BN does. DL4J updates BN's running
 * statistics through the updater, not in the forward pass, and gradient computations leave parameters
 * and updater state alone (the next {@code fit} recomputes the gradient it applies), so probing changes
 * nothing — tested by comparing learning curves bit for bit.
 */
public final class SignalProbe {
    private static final Set<Activation> SYMMETRIC_SATURATING =
            EnumSet.of(Activation.TANH, Activation.HARDTANH, Activation.RATIONALTANH, Activation.SOFTSIGN);
    private static final Set<Activation> UNIT_SATURATING = EnumSet.of(Activation.SIGMOID, Activation.HARDSIGMOID);
    private static final Set<Activation> CAN_DIE = EnumSet.of(Activation.RELU, Activation.RELU6);

    private final MultiLayerNetwork net;
    private final Activation activation;
    private final List<Integer> weightLayers;

    public SignalProbe(MultiLayerNetwork net, Activation activation) {
        this.net = net;
        this.activation = activation;
        this.weightLayers = PostInit.weightLayers(net);
    }

    public List<Integer> weightLayerIndices() {
        return weightLayers;
    }

    /** Hidden weight layers: all but the output layer. */
    public List<Integer> hiddenLayers() {
        return weightLayers.subList(0, weightLayers.size() - 1);
    }

    /**
     * Step 0 on one batch.
     *
     * @param layers        every hidden layer's statistics
     * @param gradientRatio first weight layer's gradient norm ÷ the output layer's; null when the output
     *                      layer's gradient is exactly 0 (it underflowed)
     */
    public record StepZero(List<LayerSignal> layers, Double gradientRatio) {
    }

    public StepZero stepZero(INDArray x, INDArray y) {
        List<INDArray> acts = net.feedForward(x, true);
        double[] norms = gradientNorms(x, y);
        List<LayerSignal> out = new ArrayList<>();
        List<Integer> hidden = hiddenLayers();
        for (int h = 0; h < hidden.size(); h++) {
            int i = hidden.get(h);
            int next = h + 1 < weightLayers.size() ? weightLayers.get(h + 1) : net.getLayers().length;
            int actLayer = -1;
            for (int j = i + 1; j < next; j++) {
                if (net.getLayer(j).conf().getLayer() instanceof ActivationLayer) {
                    actLayer = j;
                    break;
                }
            }
            // with BN the nonlinearity is its own layer: its input is the pre-activation
            INDArray pre = actLayer >= 0 ? acts.get(actLayer) : PostInit.preActivation(net, i, x);
            INDArray act = actLayer >= 0 ? acts.get(actLayer + 1) : acts.get(i + 1);
            out.add(new LayerSignal(i, pre.meanNumber().doubleValue(), pre.stdNumber().doubleValue(),
                    act.meanNumber().doubleValue(), act.stdNumber().doubleValue(), norms[h],
                    saturated(act), dead(act)));
        }
        double last = norms[norms.length - 1];
        return new StepZero(out, last > 0 ? norms[0] / last : null);
    }

    /** L2 norm of dLoss/dW per weight layer, on batch (x, y). */
    public double[] gradientNorms(INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Map<String, INDArray> g = net.gradient().gradientForVariable();
        double[] norms = new double[weightLayers.size()];
        for (int k = 0; k < norms.length; k++) {
            norms[k] = g.get(weightLayers.get(k) + "_W").norm2Number().doubleValue();
        }
        return norms;
    }

    /**
     * Right after a {@code fit}: the last update relative to the weights (DL4J's updater turns the
     * gradient view into the applied update in place), then the raw gradient norms on the same batch.
     */
    public GradientPoint during(long iteration, INDArray x, INDArray y) {
        List<Double> ratios = new ArrayList<>();
        Gradient last = net.gradient();
        for (int i : weightLayers) {
            INDArray update = last == null ? null : last.getGradientFor(i + "_W");
            double w = net.getLayer(i).getParam("W").norm2Number().doubleValue();
            // no ratio for all-zero weights (a ratio to 0 says nothing) or before the first update
            Double ratio = null;
            if (update != null && w > 0) {
                ratio = update.norm2Number().doubleValue() / w;
            }
            ratios.add(ratio);
        }
        List<Double> norms = new ArrayList<>();
        for (double d : gradientNorms(x, y)) {
            norms.add(d);
        }
        return new GradientPoint(iteration, norms, ratios);
    }

    /** Distinct units per hidden weight layer (incoming weights and bias). */
    public List<Integer> distinctUnits() {
        List<Integer> out = new ArrayList<>();
        for (int i : hiddenLayers()) {
            Layer l = net.getLayer(i);
            out.add(SymmetryCheck.distinctUnits(SymmetryCheck.units(l.getParam("W"), l.paramTable().get("b")),
                    SymmetryCheck.DEFAULT_TOLERANCE));
        }
        return out;
    }

    /** Units per hidden weight layer. */
    public List<Integer> widths() {
        List<Integer> out = new ArrayList<>();
        for (int i : hiddenLayers()) {
            out.add(UnitLayout.of(net.getLayer(i).getParam("W")).units());
        }
        return out;
    }

    private Double saturated(INDArray act) {
        boolean symmetric = SYMMETRIC_SATURATING.contains(activation);
        if (!symmetric && !UNIT_SATURATING.contains(activation)) {
            return null;
        }
        float[] a = act.dup('c').data().asFloat();
        long n = 0;
        for (float v : a) {
            if (symmetric ? Math.abs(v) >= 0.99f : v <= 0.01f || v >= 0.99f) {
                n++;
            }
        }
        return (double) n / a.length;
    }

    private Double dead(INDArray act) {
        if (!CAN_DIE.contains(activation)) {
            return null;
        }
        long examples = act.size(0);
        int units = (int) act.size(1);
        long perUnit = act.length() / (examples * units); // spatial positions for conv activations
        float[] a = act.dup('c').data().asFloat();
        boolean[] alive = new boolean[units];
        for (int e = 0; e < a.length; e++) {
            if (a[e] > 0) {
                alive[(int) ((e / perUnit) % units)] = true;
            }
        }
        int deadUnits = 0;
        for (boolean b : alive) {
            if (!b) {
                deadUnits++;
            }
        }
        return (double) deadUnits / units;
    }
}
