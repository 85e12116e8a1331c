package io.initbench.datasets.user;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes small image folders of synthetic classes: horizontal stripes, vertical stripes and a
 * checkerboard, each image with its own phase and noise, so a classifier can tell the classes apart
 * and no two images are identical.
 */
public final class ImageFolders {
    public static final List<String> CLASSES = List.of("checker", "horizontal", "vertical");

    private ImageFolders() {
    }

    /** {@code perClass} PNGs of {@code size}×{@code size} per class under {@code dir/<class>/}. */
    public static void write(Path dir, int perClass, int size, long seed) {
        Random rnd = new Random(seed);
        for (String c : CLASSES) {
            for (int i = 0; i < perClass; i++) {
                writePng(dir.resolve(c).resolve(String.format("%s-%02d.png", c, i)), pattern(c, size, rnd));
            }
        }
    }

    public static BufferedImage pattern(String cls, int size, Random rnd) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int phase = rnd.nextInt(4);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean on = switch (cls) {
                    case "horizontal" -> ((y + phase) / 2) % 2 == 0;
                    case "vertical" -> ((x + phase) / 2) % 2 == 0;
                    default -> (((x + phase) / 2) + (y / 2)) % 2 == 0;
                };
                int v = Math.max(0, Math.min(255, (on ? 200 : 40) + rnd.nextInt(31) - 15));
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return img;
    }

    public static void writePng(Path file, BufferedImage img) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(img, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
