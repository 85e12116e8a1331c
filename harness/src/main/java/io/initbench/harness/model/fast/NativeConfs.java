package io.initbench.harness.model.fast;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the native layer configurations share. {@link #into} carries a stock layer configuration's
 * settings over to its native subclass. DL4J's stock builders
 * construct through private constructors, so a subclass cannot take a builder: it builds the stock
 * configuration (which validates) and copies every instance field of every level of the hierarchy.
 */
final class NativeConfs {
    private NativeConfs() {
    }

    /**
     * Sets up a layer implementation the way DL4J's own {@code instantiate} methods do: listeners, index,
     * parameter view and the parameters the configuration's initialiser lays out (and draws) in it.
     */
    static <L extends Layer> L wire(L layer, org.deeplearning4j.nn.conf.layers.Layer layerConf,
                                   NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                                   INDArray paramsView, boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> table = layerConf.initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    static <T, S extends T> S into(T stock, S copy, Class<T> top) {
        for (Class<?> c = top; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    try {
                        f.setAccessible(true);
                        f.set(copy, f.get(stock));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot copy " + f + " of a " + top.getSimpleName(), e);
                    }
                }
            }
        }
        return copy;
    }
}
