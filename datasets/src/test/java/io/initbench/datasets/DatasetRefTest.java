package io.initbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetRefTest {
    @Test
    void builtInsKeepTheirBareNames() {
        assertEquals("mnist", DatasetRef.parse("MNIST").key());
        assertEquals("cifar10", DatasetRef.parse("cifar-10").key());
        assertEquals(DatasetRef.of(DatasetId.CIFAR10), DatasetRef.parse("cifar10"));
        assertFalse(DatasetRef.parse("mnist").userData());
        assertEquals(60_000, DatasetRef.parse("mnist").knownTrainCount().orElseThrow());
    }

    @Test
    void folderKeyIsCanonical() {
        DatasetRef a = DatasetRef.parse("folder:data/shapes/?channels=1&size=28X28");
        DatasetRef b = DatasetRef.parse("folder:data/shapes?size=28x28&channels=1&test=0.2&seed=0");
        assertEquals("folder:data/shapes?size=28x28&channels=1", a.key());
        assertEquals(a, b);
        assertEquals(a.key(), DatasetRef.parse(a.key()).key(), "the key parses back to itself");
        DatasetRef c = DatasetRef.parse("folder:x?size=8x16&channels=3&test=0.25&seed=7");
        assertEquals("folder:x?size=8x16&channels=3&test=0.25&seed=7", c.key());
        assertTrue(c.userData());
        assertTrue(c.knownShape().isEmpty());
        assertEquals("idx:/usr/share/datasets/fashion-mnist",
                DatasetRef.parse("idx:/usr/share/datasets/fashion-mnist/").key());
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> DatasetRef.parse(text)).getMessage();
    }

    @Test
    void badValuesSayWhatToWrite() {
        assertTrue(error("folder:x").contains("'size' is missing"), error("folder:x"));
        assertTrue(error("folder:x?size=28&channels=1").contains("not HEIGHTxWIDTH"));
        assertTrue(error("folder:x?size=28x28&channels=2").contains("channels=1 (grey) or channels=3"));
        assertTrue(error("folder:x?size=28x28&channels=1&colour=yes").contains("unknown setting 'colour'"));
        assertTrue(error("folder:x?size=28x28&channels=1&test=1.5").contains("between 0 and 1"));
        assertTrue(error("folder:?size=28x28&channels=1").contains("needs a path"));
        assertTrue(error("imagenet").contains("folder:<dir>"), error("imagenet"));
    }
}
