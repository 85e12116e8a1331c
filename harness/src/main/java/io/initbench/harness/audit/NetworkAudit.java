package io.initbench.harness.audit;

import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.model.PostInit;
import io.initbench.harness.model.UnitLayout;
import io.initbench.harness.spec.CellSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Audits the networks a suite actually trains: for each configuration (the cells that differ only by
 * seed share one), builds its network as the trainer does ({@link ModelFactory}, {@code net.init()})
 * and checks every weight layer — convolutions, the dense layer after them, hidden dense layers and
 * the output layer — against its initializer's {@link Claim}, with the fans DL4J 1.0.0-M2.1 passes
 * to the initializer for that layer:
 *
 * <ul>
 *   <li>dense and output layers ({@code DefaultParamInitializer}): fan_in = nIn, fan_out = nOut, where
 *       nIn of the dense layer after the convolutions is channels × height × width of the last pooled
 *       feature map;</li>
 *   <li>convolutions ({@code ConvolutionParamInitializer}): fan_in = nIn·kH·kW,
 *       fan_out = nOut·kH·kW ÷ (strideH·strideW).</li>
 * </ul>
 *
 * One network's weights are one draw, so a small layer (a first 3×3 conv on one channel has 288
 * weights) is checked within a few standard errors rather than the synthetic audit's 3 %; a mis-scaled
 * layer (variance off by 2× or more) is still caught. Data-dependent steps after init (LSUV's rescaling,
 * PRETRAINED weights, random biases) are not applied: the audit checks what the initializer draws.
 */
public final class NetworkAudit {
    private final KnownDeviations known;

    public NetworkAudit(KnownDeviations known) {
        this.known = known;
    }

    /** One weight layer of one configuration's network. */
    public record LayerRow(String configuration, int layer, String layerType, InitAudit.Row check) {
    }

    /** One network per configuration (the first seed's). */
    public List<LayerRow> run(List<CellSpec> cells) {
        Map<String, CellSpec> configs = new LinkedHashMap<>();
        for (CellSpec c : cells) {
            configs.putIfAbsent(c.configLabel(), c);
        }
        List<LayerRow> rows = new ArrayList<>();
        for (CellSpec cell : configs.values()) {
            MultiLayerNetwork net;
            try {
                net = new MultiLayerNetwork(ModelFactory.build(cell));
                net.init();
            } catch (RuntimeException e) {
                rows.add(new LayerRow(cell.configLabel(), -1, "", new InitAudit.Row(cell.weightInit().label(), "network",
                        Double.NaN, Double.NaN, InitAudit.Expected.NONE, InitAudit.Measured.NONE,
                        InitAudit.Verdict.NOT_APPLICABLE, "cannot build: " + e.getMessage())));
                continue;
            }
            try {
                rows.addAll(audit(cell, net));
            } finally {
                net.close();
            }
        }
        return rows;
    }

    /** Checks the weight layers of a network built for {@code cell}, as they are now. */
    public List<LayerRow> audit(CellSpec cell, MultiLayerNetwork net) {
        InitAudit judge = new InitAudit(0, 0, known);
        List<LayerRow> rows = new ArrayList<>();
        for (int i : PostInit.weightLayers(net)) {
            Layer conf = net.getLayer(i).conf().getLayer();
            INDArray w = net.getLayer(i).getParam("W");
            AuditShape shape = shape(conf, w);
            UnitLayout layout = UnitLayout.of(w);
            Optional<Claim> claim = Claim.of(cell.weightInit(), shape);
            InitAudit.Sample sample = new InitAudit.Sample(layout, claim);
            sample.add(UnitLayout.flat(w));
            rows.add(new LayerRow(cell.configLabel(), i, dl4jType(conf),
                    judge.judge(cell.weightInit().label(), cell.weightInit(), shape, sample)));
        }
        return rows;
    }

    /** The tensor and the fans DL4J's param initializer hands the layer's weight initializer. */
    static AuditShape shape(Layer conf, INDArray w) {
        String dims = String.join("x", java.util.Arrays.stream(w.shape()).mapToObj(Long::toString).toList());
        if (conf instanceof ConvolutionLayer c) {
            int[] k = c.getKernelSize();
            int[] s = c.getStride();
            double fanIn = (double) c.getNIn() * k[0] * k[1];
            double fanOut = (double) c.getNOut() * k[0] * k[1] / ((double) s[0] * s[1]);
            return new AuditShape("conv " + dims + " stride " + s[0] + "x" + s[1], w.shape(), w.ordering(), fanIn,
                    fanOut);
        }
        if (conf instanceof FeedForwardLayer f) {
            return new AuditShape("dense " + dims, w.shape(), w.ordering(), f.getNIn(), f.getNOut());
        }
        throw new IllegalArgumentException("no fan rule for layer type " + dl4jType(conf)
                + "; add one to NetworkAudit.shape");
    }

    /**
     * The DL4J layer kind of a configuration: the fast layers subclass DL4J's own configurations and draw
     * their weights the same way, so the audit names (and applies the fans of) the DL4J kind.
     */
    private static String dl4jType(Object conf) {
        Class<?> c = conf.getClass();
        while (!c.getName().startsWith("org.deeplearning4j.") && c.getSuperclass() != null) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }
}
