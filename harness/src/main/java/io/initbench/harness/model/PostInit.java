package io.initbench.harness.model;

import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Initialization steps that need more than a layer shape, run after {@code net.init()} in this order:
 * weights from a saved model ({@code PRETRAINED}), random biases ({@code biasInit: NORMAL(m,s)}), and
 * LSUV's data-dependent rescaling. Random biases come from their own seeded generator per layer
 * ({@link #randomBiases}), never from the generator the weights were drawn from.
 */
public final class PostInit {
    private PostInit() {
    }

    /** One LSUV layer: iterations used and the variance reached. */
    public record LsuvLayer(int layer, int iterations, double variance) {
    }

    /** @param probe one batch of training inputs (LSUV's data) */
    public static List<LsuvLayer> apply(CellSpec cell, MultiLayerNetwork net, INDArray probe) {
        if (cell.weightInit() instanceof InitSpec.Pretrained p) {
            copyPretrained(net, p.path());
        }
        if (cell.biasInit() instanceof BiasSpec.Normal b) {
            if (cell.weightInit() instanceof InitSpec.Pretrained) {
                // the suite loader refuses this combination; a cell built by hand must not overwrite silently
                throw new IllegalArgumentException("biasInit " + b.label() + " would overwrite the biases of "
                        + cell.weightInit().label() + "; use biasInit 0 with PRETRAINED weights");
            }
            randomBiases(net, cell.seed(), b);
        }
        if (cell.weightInit() instanceof InitSpec.Lsuv l) {
            return lsuv(net, probe, l.tolerance(), l.maxIterations());
        }
        return List.of();
    }

    /**
     * Draws every bias vector N(mean, std²) from its own generator, seeded by the cell's seed and the
     * layer's index. The draw depends on nothing else: not on the weight initializer, nor on how many
     * numbers it drew from ND4J's generator. So cells with one seed get identical biases whatever their
     * initializer, and comparisons between initializers stay paired.
     */
    public static void randomBiases(MultiLayerNetwork net, long seed, BiasSpec.Normal b) {
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            INDArray bias = layers[i].paramTable().get("b");
            if (bias == null) {
                continue;
            }
            Random rnd = new Random(biasSeed(seed, i));
            float[] v = new float[(int) bias.length()];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (b.mean() + b.std() * rnd.nextGaussian());
            }
            bias.assign(Nd4j.create(v, bias.shape(), 'c'));
        }
    }

    /** A seed for layer {@code layer}'s biases that differs from the cell seed's other uses. */
    static long biasSeed(long cellSeed, int layer) {
        return (cellSeed ^ 0xB1A5_5EED_0000_0000L) * 0x9E3779B97F4A7C15L + layer;
    }

    /**
     * LSUV (Mishkin &amp; Matas 2015, Algorithm 1): for each weight layer in order, divide its weights by
     * the standard deviation of its pre-activation output on the probe batch until the variance is within
     * tol of 1 or maxIter passes were made. A layer whose output variance is 0 cannot be rescaled and is
     * left as it is.
     */
    public static List<LsuvLayer> lsuv(MultiLayerNetwork net, INDArray probe, double tol, int maxIter) {
        List<LsuvLayer> out = new ArrayList<>();
        for (int i : weightLayers(net)) {
            INDArray w = net.getLayer(i).getParam("W");
            double var = preActivationVariance(net, i, probe);
            int it = 0;
            while (Math.abs(var - 1.0) >= tol && it < maxIter && var > 0 && Double.isFinite(var)) {
                w.divi(Math.sqrt(var));
                var = preActivationVariance(net, i, probe);
                it++;
            }
            out.add(new LsuvLayer(i, it, var));
        }
        return out;
    }

    /** Indices of Dense/Conv/Output layers: those with a weight matrix (BN's gamma is not one). */
    public static List<Integer> weightLayers(MultiLayerNetwork net) {
        List<Integer> out = new ArrayList<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].paramTable().containsKey("W") && layers[i].conf().getLayer() instanceof BaseLayer
                    && !(layers[i].conf().getLayer() instanceof BatchNormalization)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Variance of layer i's output before its own nonlinearity, on the probe batch (training mode). */
    public static double preActivationVariance(MultiLayerNetwork net, int i, INDArray probe) {
        return preActivation(net, i, probe).varNumber().doubleValue();
    }

    /**
     * Layer i's output with its activation function temporarily set to identity: DL4J applies the
     * activation inside Dense/Conv layers, and this is the one way to read the value before it without
     * re-implementing each layer's forward pass (preprocessors, convolution modes).
     */
    public static INDArray preActivation(MultiLayerNetwork net, int i, INDArray probe) {
        BaseLayer conf = (BaseLayer) net.getLayer(i).conf().getLayer();
        IActivation original = conf.getActivationFn();
        try {
            conf.setActivationFn(new ActivationIdentity());
            // training mode: BN layers normalise with batch statistics, as in the first update
            List<INDArray> acts = net.feedForwardToLayer(i, probe, true);
            return acts.get(i + 1);
        } finally {
            conf.setActivationFn(original);
        }
    }

    private static void copyPretrained(MultiLayerNetwork net, String path) {
        MultiLayerNetwork saved;
        try {
            saved = ModelSerializer.restoreMultiLayerNetwork(new File(path), false);
        } catch (IOException e) {
            throw new UncheckedIOException("PRETRAINED(" + path + "): cannot read the saved model (" + e.getMessage()
                    + "); give the path of a DL4J model zip, e.g. one written by a run with -DsaveModels=true", e);
        }
        if (saved.getLayers().length != net.getLayers().length) {
            throw new IllegalArgumentException("PRETRAINED(" + path + ") has " + saved.getLayers().length
                    + " layers, this cell's network has " + net.getLayers().length
                    + "; the saved model must have the same architecture, depth and BatchNorm setting");
        }
        for (int i = 0; i < net.getLayers().length; i++) {
            Map<String, INDArray> mine = net.getLayer(i).paramTable();
            Map<String, INDArray> theirs = saved.getLayer(i).paramTable();
            for (var e : mine.entrySet()) {
                INDArray src = theirs.get(e.getKey());
                if (src == null || !Arrays.equals(src.shape(), e.getValue().shape())) {
                    throw new IllegalArgumentException("PRETRAINED(" + path + "): layer " + i + " parameter "
                            + e.getKey() + " has shape " + (src == null ? "none" : Arrays.toString(src.shape()))
                            + " in the saved model but " + Arrays.toString(e.getValue().shape())
                            + " in this cell; the saved model must have the same layer sizes (input size, width)");
                }
                e.getValue().assign(src);
            }
        }
    }
}
