package io.initbench.harness.model.fast;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Carries a stock layer configuration's settings over to its native subclass. DL4J's stock builders
 * construct through private constructors, so a subclass cannot take a builder: it builds the stock
 * configuration (which validates) and copies every instance field of every level of the hierarchy.
 */
final class LayerConfCopy {
    private LayerConfCopy() {
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
