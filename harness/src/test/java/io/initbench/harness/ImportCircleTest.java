package io.initbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No import circle in the main sources of the datasets, harness and benchmarks modules, read from the
 * source files (comments and string literals left out):
 * <ul>
 *   <li>between classes: a class uses another by an {@code io.initbench...} name (import or inline) or,
 *       within its package, by simple name; a group of classes that reach each other and span more than
 *       one package is a circle. Classes of one package may know each other.</li>
 *   <li>between packages: every arrow between packages points one way, except that a sub-package may use
 *       its parent package's types (the datasets readers use {@code DatasetException}, {@code ImageSet},
 *       ... while {@code DatasetLoader}, in the parent, composes the readers). That exception cannot hide a
 *       circle of classes: the first check sees those.</li>
 * </ul>
 */
class ImportCircleTest {
    private static final List<Path> ROOTS = List.of(Path.of("../datasets/src/main/java"), Path.of("src/main/java"),
            Path.of("../benchmarks/src/main/java"));
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    /** A project name up to its top-level class: the first segment that starts with a capital. */
    private static final Pattern PROJECT_NAME = Pattern.compile("\\b(io\\.initbench(?:\\.[a-z_][\\w]*)*)\\.([A-Z]\\w*)");

    @Test
    void noCircleBetweenClassesOrPackagesOfTheMainSources() {
        Map<String, String> sources = read(ROOTS);
        assertTrue(sources.size() > 100, "found the main sources of all three modules: " + sources.size());
        Graph g = Graph.of(sources);
        assertTrue(g.classes.get("io.initbench.datasets.DatasetLoader").contains("io.initbench.datasets.format.IdxImages"),
                "the scan sees imports");
        assertEquals(List.of(), g.classCircles(), "classes of different packages that use each other in a circle");
        assertEquals(List.of(), g.packageCircles(), "packages that use each other in a circle");
    }

    @Test
    void findsTheCircleOfALoaderAndAReaderThatCallsBack() {
        Map<String, String> sources = Map.of(
                "a/Loader.java", "package a;\nimport a.user.Reader;\n/** uses Reader */\nclass Loader { Reader r; }",
                "a/Ref.java", "package a;\nclass Ref { }",
                "a/user/Reader.java", "package a.user;\n// a comment naming io.initbench.x.Other is no use\n"
                        + "class Reader { io.initbench.a.Loader l; String s = \"io.initbench.y.Text\"; }",
                "a/user/Other.java", "package a.user;\nclass Other { a.Ref ref; }");
        // Reader refers to the loader by its full name; Loader imports Reader: one circle across two packages
        Map<String, String> named = new HashMap<>();
        sources.forEach((k, v) -> named.put(k, v.replace("package a", "package io.initbench.a")
                .replace("import a.", "import io.initbench.a.").replace(" a.Ref", " io.initbench.a.Ref")));
        Graph g = Graph.of(named);
        assertEquals(List.of(List.of("io.initbench.a.Loader", "io.initbench.a.user.Reader")), g.classCircles());
        // sub-package to parent is allowed between packages: the class circle above is what catches this one
        assertEquals(List.of(), g.packageCircles());
        assertFalse(g.classes.get("io.initbench.a.user.Reader").contains("io.initbench.x.Other"), "comments ignored");
        assertFalse(g.classes.get("io.initbench.a.user.Reader").contains("io.initbench.y.Text"), "strings ignored");
    }

    @Test
    void findsACircleBetweenSiblingPackages() {
        Graph g = Graph.of(Map.of(
                "p/A.java", "package io.initbench.p;\nclass A { io.initbench.q.B b; }",
                "q/B.java", "package io.initbench.q;\nclass B { io.initbench.q.C c; }",
                "q/C.java", "package io.initbench.q;\nclass C { io.initbench.p.D d; }",
                "p/D.java", "package io.initbench.p;\nclass D { }"));
        assertEquals(List.of(), g.classCircles(), "A → B → C → D is no circle of classes");
        assertEquals(List.of(List.of("io.initbench.p", "io.initbench.q")), g.packageCircles());
    }

    private static Map<String, String> read(List<Path> roots) {
        Map<String, String> out = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    out.put(f.toString(), Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sources under " + root.toAbsolutePath(), e);
            }
        }
        return out;
    }

    /** Top-level classes and the project classes each one uses. */
    private record Graph(Map<String, Set<String>> classes) {
        static Graph of(Map<String, String> sources) {
            Map<String, String> code = new TreeMap<>();
            Map<String, Set<String>> byPackage = new HashMap<>();
            sources.forEach((file, text) -> {
                String name = Path.of(file).getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) {
                    return;
                }
                String stripped = code(text);
                Matcher p = PACKAGE.matcher(stripped);
                String pkg = p.find() ? p.group(1) : "";
                code.put(pkg + "." + name, stripped);
                byPackage.computeIfAbsent(pkg, k -> new TreeSet<>()).add(name);
            });
            Map<String, Set<String>> edges = new TreeMap<>();
            code.forEach((cls, text) -> {
                Set<String> uses = new TreeSet<>();
                Matcher m = PROJECT_NAME.matcher(text);
                while (m.find()) {
                    uses.add(m.group(1) + "." + m.group(2));
                }
                String pkg = packageOf(cls);
                for (String sibling : byPackage.get(pkg)) {
                    if (Pattern.compile("\\b" + sibling + "\\b").matcher(text).find()) {
                        uses.add(pkg + "." + sibling);
                    }
                }
                uses.remove(cls);
                edges.put(cls, uses);
            });
            return new Graph(edges);
        }

        /** Groups of classes that reach each other across packages, each sorted. */
        List<List<String>> classCircles() {
            return circles(classes).stream().filter(c -> c.stream().map(Graph::packageOf).distinct().count() > 1)
                    .toList();
        }

        List<List<String>> packageCircles() {
            Map<String, Set<String>> packages = new TreeMap<>();
            classes.forEach((cls, uses) -> {
                Set<String> to = packages.computeIfAbsent(packageOf(cls), k -> new TreeSet<>());
                for (String u : uses) {
                    String target = packageOf(u);
                    if (!packageOf(cls).equals(target) && !packageOf(cls).startsWith(target + ".")) {
                        to.add(target);
                    }
                }
            });
            return circles(packages);
        }

        private static String packageOf(String cls) {
            return cls.substring(0, cls.lastIndexOf('.'));
        }

        /** Tarjan's strongly connected components with more than one node. */
        private static List<List<String>> circles(Map<String, Set<String>> g) {
            Map<String, Integer> index = new HashMap<>();
            Map<String, Integer> low = new HashMap<>();
            Deque<String> stack = new ArrayDeque<>();
            Set<String> onStack = new TreeSet<>();
            List<List<String>> out = new ArrayList<>();
            for (String v : g.keySet()) {
                if (!index.containsKey(v)) {
                    connect(v, g, index, low, stack, onStack, out);
                }
            }
            return out;
        }

        private static void connect(String v, Map<String, Set<String>> g, Map<String, Integer> index,
                                    Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                    List<List<String>> out) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : g.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    connect(w, g, index, low, stack, onStack, out);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    out.add(List.copyOf(component));
                }
            }
        }

        /** The source without comments, string, text-block and char literals. */
        private static String code(String s) {
            StringBuilder out = new StringBuilder(s.length());
            int i = 0;
            while (i < s.length()) {
                if (s.startsWith("//", i)) {
                    int end = s.indexOf('\n', i);
                    i = end < 0 ? s.length() : end;
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                    out.append(' ');
                } else if (s.startsWith("\"\"\"", i)) {
                    int end = s.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? s.length() : end + 3;
                    out.append("\"\"");
                } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                    char quote = s.charAt(i++);
                    while (i < s.length() && s.charAt(i) != quote) {
                        i += s.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                    out.append(quote).append(quote);
                } else {
                    out.append(s.charAt(i++));
                }
            }
            return out.toString();
        }
    }
}
