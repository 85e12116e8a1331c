package io.initbench.datasets.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.LoadedDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
    @TempDir
    Path tmp;

    private static DatasetRef.ImageFolder ref(Path dir, String settings) {
        return (DatasetRef.ImageFolder) DatasetRef.parse("folder:" + dir + "?" + settings);
    }

    @Test
    void singleFolderIsSplitPerClassAndDecodedAtTheDeclaredShape() {
        ImageFolders.write(tmp, 20, 16, 1);
        LoadedDataset d = ImageFolderReader.load(ref(tmp, "size=8x8&channels=1"));
        assertEquals(ImageFolders.CLASSES, d.classNames());
        ImageSet train = d.splits().train();
        ImageSet test = d.splits().test();
        assertEquals(48, train.count());
        assertEquals(12, test.count());
        assertEquals(1, train.channels());
        assertEquals(8, train.height());
        assertEquals(8, train.width());
        assertEquals(3, train.numClasses());
        assertTrue(Arrays.equals(new int[] {16, 16, 16}, train.classCounts()), Arrays.toString(train.classCounts()));
        assertTrue(Arrays.equals(new int[] {4, 4, 4}, test.classCounts()), Arrays.toString(test.classCounts()));
        // the patterns survive decoding: bright and dark pixels, not a constant image
        int min = 255;
        int max = 0;
        for (byte b : train.pixels()) {
            min = Math.min(min, Byte.toUnsignedInt(b));
            max = Math.max(max, Byte.toUnsignedInt(b));
        }
        assertTrue(min < 80 && max > 160, "pixel range " + min + ".." + max);
        assertEquals(1, d.files().size());
        assertTrue(d.files().get(0).name().contains("60 files"), d.files().get(0).name());
    }

    @Test
    void splitIsSeededAndDisjoint() {
        ImageFolders.write(tmp, 20, 8, 2);
        DatasetRef.ImageFolder a = ref(tmp, "size=8x8&channels=1");
        ImageFolderReader.Listing first = ImageFolderReader.list(a);
        assertEquals(first.test(), ImageFolderReader.list(a).test(), "same seed, same split");
        assertNotEquals(first.test(), ImageFolderReader.list(ref(tmp, "size=8x8&channels=1&seed=5")).test());
        Set<Path> testFiles = new HashSet<>();
        first.test().byClass().values().forEach(testFiles::addAll);
        first.train().byClass().values().forEach(l -> l.forEach(p -> assertTrue(!testFiles.contains(p), p + " in both")));
    }

    @Test
    void trainAndTestFoldersAreUsedAsGivenInColour() {
        ImageFolders.write(tmp.resolve("train"), 6, 12, 3);
        ImageFolders.write(tmp.resolve("test"), 2, 12, 4);
        LoadedDataset d = ImageFolderReader.load(ref(tmp, "size=10x12&channels=3"));
        assertEquals(18, d.splits().train().count());
        assertEquals(6, d.splits().test().count());
        assertEquals(3, d.splits().train().channels());
        assertEquals(10, d.splits().train().height());
        assertEquals(12, d.splits().train().width());
        assertEquals(d.shape().featureSize(), 3 * 10 * 12);
    }

    @Test
    void listingHashChangesWithAnyFileAndOnlyThen() throws IOException {
        ImageFolders.write(tmp, 4, 8, 5);
        DatasetRef.ImageFolder r = ref(tmp, "size=8x8&channels=1");
        String before = ImageFolderReader.list(r).sha256();
        assertEquals(before, ImageFolderReader.list(r).sha256());
        Path one = tmp.resolve("vertical/vertical-01.png");
        ImageFolders.writePng(one, ImageFolders.pattern("horizontal", 8, new Random(99)));
        String edited = ImageFolderReader.list(r).sha256();
        assertNotEquals(before, edited, "content edit");
        Files.move(one, tmp.resolve("vertical/renamed.png"));
        assertNotEquals(edited, ImageFolderReader.list(r).sha256(), "rename");
    }

    private DatasetException fails(Path dir) {
        return assertThrows(DatasetException.class, () -> ImageFolderReader.load(ref(dir, "size=8x8&channels=1")));
    }

    @Test
    void missingFolder() {
        DatasetException e = fails(tmp.resolve("nope"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void noClassFolders() throws IOException {
        Files.writeString(tmp.resolve("a.png"), "x");
        DatasetException e = fails(tmp);
        assertTrue(e.getMessage().contains("no class sub-folders"), e.getMessage());
    }

    @Test
    void emptyClass() throws IOException {
        ImageFolders.write(tmp, 3, 8, 6);
        Files.createDirectories(tmp.resolve("zebra"));
        DatasetException e = fails(tmp);
        assertTrue(e.getMessage().contains("zebra") && e.getMessage().contains("has no images"), e.getMessage());
    }

    @Test
    void unreadableImage() throws IOException {
        ImageFolders.write(tmp, 3, 8, 7);
        Path bad = tmp.resolve("checker/broken.png");
        Files.writeString(bad, "this is not a PNG");
        DatasetException e = fails(tmp);
        assertTrue(e.getMessage().contains("broken.png") && e.getMessage().contains("cannot be read as an image"),
                e.getMessage());
    }

    @Test
    void nonImageFileInAClassFolder() throws IOException {
        ImageFolders.write(tmp, 3, 8, 8);
        Files.writeString(tmp.resolve("checker/notes.txt"), "x");
        DatasetException e = fails(tmp);
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("not image files"), e.getMessage());
    }

    @Test
    void mismatchedClassesBetweenTrainAndTest() throws IOException {
        ImageFolders.write(tmp.resolve("train"), 2, 8, 9);
        ImageFolders.write(tmp.resolve("test"), 2, 8, 10);
        ImageFolders.writePng(tmp.resolve("test/zebra/z.png"), ImageFolders.pattern("checker", 8, new Random(1)));
        DatasetException e = fails(tmp);
        assertTrue(e.getMessage().contains("different classes") && e.getMessage().contains("only in test/: [zebra]"),
                e.getMessage());
    }

    @Test
    void trainWithoutTest() {
        ImageFolders.write(tmp.resolve("train"), 2, 8, 11);
        DatasetException e = fails(tmp);
        assertTrue(e.getMessage().contains("has train/ but no test/"), e.getMessage());
    }

    @Test
    void aSingleImageClassCannotBeSplit() {
        ImageFolders.write(tmp, 1, 8, 12);
        DatasetException e = fails(tmp);
        assertTrue(e.getMessage().contains("at least 2 per class"), e.getMessage());
    }
}
