package io.initbench.harness.diagnostics;

import io.initbench.harness.model.PostInit;
import io.initbench.harness.model.UnitLayout;
import io.initbench.harness.result.GradientPoint;
import io.initbench.harness.result.LayerScale;
import io.initbench.harness.result.LayerSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final MultiLayerNetwork net;
    private final Activation activation;
    private final Saturation saturation;
    private final List<Integer> weightLayers;

    public SignalProbe(MultiLayerNetwork net, Activation activation) {
        this.net = net;
        this.activation = activation;
        this.saturation = Saturation.of(activation).orElse(null);
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
     * @param scales        every weight layer's gradient RMS, activation std and saturation
     */
    public record StepZero(List<LayerSignal> layers, Double gradientRatio, List<LayerScale> scales) {
    }

    public StepZero stepZero(INDArray x, INDArray y) {
        List<INDArray> acts = net.feedForward(x, true);
        Map<String, INDArray> g = gradients(x, y);
        double[] norms = norms(g);
        List<LayerSignal> out = new ArrayList<>();
        List<Integer> hidden = hiddenLayers();
        for (int h = 0; h < hidden.size(); h++) {
            int i = hidden.get(h);
            int actLayer = activationLayer(h);
            // with BN the nonlinearity is its own layer: its input is the pre-activation
            INDArray pre = actLayer != i ? acts.get(actLayer) : PostInit.preActivation(net, i, x);
            INDArray act = acts.get(actLayer + 1);
            out.add(new LayerSignal(i, pre.meanNumber().doubleValue(), pre.stdNumber().doubleValue(),
                    act.meanNumber().doubleValue(), act.stdNumber().doubleValue(), norms[h],
                    saturated(act), dead(act)));
        }
        double last = norms[norms.length - 1];
        return new StepZero(out, last > 0 ? norms[0] / last : null, scales(acts, g));
    }

    /**
     * The DL4J index of the layer whose output is weight layer {@code h}'s nonlinearity output: the
     * ActivationLayer after its BN when there is one, else the weight layer itself.
     */
    private int activationLayer(int h) {
        int i = weightLayers.get(h);
        int next = h + 1 < weightLayers.size() ? weightLayers.get(h + 1) : net.getLayers().length;
        for (int j = i + 1; j < next; j++) {
            if (net.getLayer(j).conf().getLayer() instanceof ActivationLayer) {
                return j;
            }
        }
        return i;
    }

    /** L2 norm of dLoss/dW per weight layer, on batch (x, y). */
    public double[] gradientNorms(INDArray x, INDArray y) {
        return norms(gradients(x, y));
    }

    private Map<String, INDArray> gradients(INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient().gradientForVariable();
    }

    private double[] norms(Map<String, INDArray> g) {
        double[] norms = new double[weightLayers.size()];
        for (int k = 0; k < norms.length; k++) {
            norms[k] = g.get(weightLayers.get(k) + "_W").norm2Number().doubleValue();
        }
        return norms;
    }

    /** Per weight layer: gradient RMS, activation std, saturation and dead units. */
    private List<LayerScale> scales(List<INDArray> acts, Map<String, INDArray> g) {
        List<LayerScale> out = new ArrayList<>();
        for (int k = 0; k < weightLayers.size(); k++) {
            INDArray grad = g.get(weightLayers.get(k) + "_W");
            double rms = grad.norm2Number().doubleValue() / Math.sqrt(grad.length());
            INDArray act = acts.get(activationLayer(k) + 1);
            boolean hidden = k < weightLayers.size() - 1;
            out.add(new LayerScale(weightLayers.get(k), finite(rms), finite(act.stdNumber().doubleValue()),
                    hidden ? saturated(act) : null, hidden ? dead(act) : null));
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Right after a {@code fit}: the last update relative to the weights (DL4J's updater turns the
     * gradient view into the applied update in place), then the raw gradients and the activations on
     * the same batch.
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
        Map<String, INDArray> g = gradients(x, y);
        List<Double> norms = new ArrayList<>();
        for (double d : norms(g)) {
            norms.add(d);
        }
        List<LayerScale> scales = scales(net.feedForward(x, true), g);
        return new GradientPoint(iteration, norms, ratios, scales);
    }

    /** Distinct units per hidden weight layer (incoming weights and bias). */
    public List<Integer> distinctUnits() {
        List<Integer> out = new ArrayList<>();
        for (int i : hiddenLayers()) {
            Layer l = net.getLayer(i);
            out.add(SymmetryCheck.distinctUnits(SymmetryCheck.units(l.getParam("W"), l.paramTable().get("b"))));
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
        return saturation == null ? null : saturation.fraction(act.dup('c').data().asFloat());
    }

    private Double dead(INDArray act) {
        if (!Saturation.CAN_DIE.contains(activation)) {
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
