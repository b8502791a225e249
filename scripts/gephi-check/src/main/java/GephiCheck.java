import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Element;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.graph.api.TimeRepresentation;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Imports GEXF and GraphML files with the Gephi toolkit's own importers (ImportController,
 * the code behind Gephi's File › Open) and checks what Gephi made of them.
 *
 * <p>Usage: {@code java -cp CLASSPATH GephiCheck SPEC}. Each line of SPEC is one file to check,
 * tab-separated: path, node count, edge count, an edge's source, target and weight, a node
 * id, its expected label, an attribute name and its expected value, and, for a dynamic file, the expected time
 * bounds (low, high: numbers, or ISO dates for a date time format) and an element whose
 * intervals are checked ("node:ID" or "edge:SOURCE:TARGET") with its expected intervals as
 * LOW..HIGH joined by ",". Optional further fields: the dynamic weight and class of an edge
 * at some times ("SOURCE:TARGET:TIME=WEIGHT=CLASS;…", CLASS empty for none), and a node's
 * drawing ("ID:X:Y:SIZE:R:G:B", read with auto-scale off, so that Gephi keeps the file's
 * positions and sizes). Any issue Gephi reports at WARNING or above is a failure. Prints one
 * line per file; exits 1 when any check fails.
 */
public final class GephiCheck {
    private static final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GephiCheck SPEC");
            System.exit(2);
        }
        for (String line : Files.readAllLines(new File(args[0]).toPath(), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            check(line.split("\t", -1));
        }
        for (String f : failures) {
            System.out.println("FAIL " + f);
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static void fail(String file, String msg) {
        failures.add(file + ": " + msg);
    }

    private static void check(String[] f) throws Exception {
        String path = f[0];
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.newProject();
        Workspace ws = pc.getCurrentWorkspace();
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container container = ic.importFile(new File(path));
        if (container == null) {
            fail(path, "Gephi did not import the file");
            return;
        }
        for (Issue issue : container.getReport().getIssuesList(Integer.MAX_VALUE)) {
            if (issue.getLevel().toInteger() >= Issue.Level.WARNING.toInteger()) {
                fail(path, "Gephi reports " + issue.getLevel() + ": " + issue.getMessage());
            }
        }
        // Auto-scale off: Gephi keeps the file's positions and sizes (it rescales them otherwise).
        container.getLoader().setAutoScale(false);
        ic.process(container, new DefaultProcessor(), ws);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        Graph g = gm.getUndirectedGraph();

        int nodes = Integer.parseInt(f[1]), edges = Integer.parseInt(f[2]);
        if (g.getNodeCount() != nodes) {
            fail(path, "nodes: got " + g.getNodeCount() + ", want " + nodes);
        }
        if (g.getEdgeCount() != edges) {
            fail(path, "edges: got " + g.getEdgeCount() + ", want " + edges);
        }
        if (gm.isDirected() || !gm.isUndirected()) {
            fail(path, "the graph is not undirected");
        }
        Node s = g.getNode(f[3]), t = g.getNode(f[4]);
        if (s == null || t == null) {
            fail(path, "no node " + f[3] + " or " + f[4]);
        } else {
            Edge e = g.getEdge(s, t);
            if (e == null) {
                fail(path, "no edge " + f[3] + "–" + f[4]);
            } else if (e.hasDynamicWeight()) {
                // A dynamic weight has no single value: checked at given times below.
                if (f.length <= 14 || f[14].isEmpty()) {
                    fail(path, "dynamic weight of " + f[3] + "–" + f[4] + " not checked");
                }
            } else if (Math.abs(e.getWeight() - Double.parseDouble(f[5])) > 1e-6 * Math.abs(e.getWeight())) {
                // Gephi's importers keep edge weights as 32-bit floats: 7 significant digits.
                fail(path, "weight of " + f[3] + "–" + f[4] + ": got " + e.getWeight() + ", want " + f[5]);
            }
        }
        Node n = g.getNode(f[6]);
        if (n == null) {
            fail(path, "no node " + f[6]);
        } else {
            if (!f[7].equals(n.getLabel())) {
                fail(path, "label of " + f[6] + ": got " + n.getLabel() + ", want " + f[7]);
            }
            Column col = column(gm.getNodeTable(), f[8]);
            if (col == null) {
                fail(path, "no node column " + f[8] + " (columns: " + columns(gm.getNodeTable()) + ")");
            } else {
                Object got = n.getAttribute(col);
                if (!same(got, f[9])) {
                    fail(path, f[6] + "." + f[8] + ": got " + got + " (" + col.getTypeClass().getSimpleName() + "), want " + f[9]);
                }
            }
        }
        String timeline = "";
        if (f.length > 10 && !f[10].isEmpty()) {
            if (!gm.isDynamic()) {
                fail(path, "Gephi does not see a dynamic graph");
            }
            if (gm.getConfiguration().getTimeRepresentation() != TimeRepresentation.INTERVAL) {
                fail(path, "time representation " + gm.getConfiguration().getTimeRepresentation());
            }
            Interval b = gm.getTimeBounds();
            double lo = time(f[10]), hi = time(f[11]);
            if (b.getLow() != lo || b.getHigh() != hi) {
                fail(path, "time bounds: got [" + b.getLow() + ", " + b.getHigh() + "], want [" + lo + ", " + hi + "]");
            }
            Element el = element(g, f[12]);
            if (el == null) {
                fail(path, "no element " + f[12]);
            } else {
                StringBuilder got = new StringBuilder();
                for (Interval iv : el.getIntervals()) {
                    got.append(got.length() > 0 ? "," : "").append(iv.getLow()).append("..").append(iv.getHigh());
                }
                StringBuilder want = new StringBuilder();
                for (String iv : f[13].split(",")) {
                    String[] ends = iv.split("\\.\\.");
                    want.append(want.length() > 0 ? "," : "").append(time(ends[0])).append("..").append(time(ends[1]));
                }
                if (!got.toString().equals(want.toString())) {
                    fail(path, f[12] + " intervals: got " + got + ", want " + want);
                }
            }
            timeline = String.format(", timeline [%s, %s]", b.getLow(), b.getHigh());
        }
        String extra = "";
        if (f.length > 14 && !f[14].isEmpty()) {
            String[] p = f[14].split(":", 3);
            Node a = g.getNode(p[0]), b = g.getNode(p[1]);
            Edge e = a == null || b == null ? null : g.getEdge(a, b);
            Column cls = gm.getEdgeTable().getColumn("class");
            if (e == null) {
                fail(path, "no edge " + p[0] + "–" + p[1]);
            } else if (!e.hasDynamicWeight()) {
                fail(path, "the weight of " + p[0] + "–" + p[1] + " is not dynamic");
            } else {
                for (String at : p[2].split(";")) {
                    String[] v = at.split("=", -1);
                    double at0 = time(v[0]);
                    double w = e.getWeight(new Interval(at0, at0));
                    if (Math.abs(w - Double.parseDouble(v[1])) > 1e-6 * Math.abs(w)) {
                        fail(path, "weight of " + p[0] + "–" + p[1] + " at " + v[0] + ": got " + w + ", want " + v[1]);
                    }
                    Object c = cls == null ? null : valueAt(e.getAttribute(cls), at0);
                    if (!same(c, v[2])) {
                        fail(path, "class of " + p[0] + "–" + p[1] + " at " + v[0] + ": got " + c + ", want " + v[2]);
                    }
                    extra += String.format(", %s–%s at %s: weight %s, class %s", p[0], p[1], v[0], w, c);
                }
            }
        }
        if (f.length > 15 && !f[15].isEmpty()) {
            String[] p = f[15].split(":");
            Node v = g.getNode(p[0]);
            if (v == null) {
                fail(path, "no node " + p[0]);
            } else {
                float[] want = {Float.parseFloat(p[1]), Float.parseFloat(p[2]), Float.parseFloat(p[3])};
                float[] got = {v.x(), v.y(), v.size()};
                for (int i = 0; i < 3; i++) {
                    if (Math.abs(got[i] - want[i]) > 1e-4 * Math.max(1, Math.abs(want[i]))) {
                        fail(path, p[0] + " " + new String[] {"x", "y", "size"}[i] + ": got " + got[i] + ", want " + want[i]);
                    }
                }
                int[] rgb = {Math.round(v.r() * 255), Math.round(v.g() * 255), Math.round(v.b() * 255)};
                for (int i = 0; i < 3; i++) {
                    if (rgb[i] != Integer.parseInt(p[4 + i])) {
                        fail(path, p[0] + " colour: got " + rgb[0] + "," + rgb[1] + "," + rgb[2] + ", want " + p[4] + "," + p[5] + "," + p[6]);
                        break;
                    }
                }
                extra += String.format(", %s at (%s, %s) size %s", p[0], v.x(), v.y(), v.size());
            }
        }
        System.out.printf("ok %s: %d nodes, %d edges%s%s%n", path, g.getNodeCount(), g.getEdgeCount(), timeline, extra);
        pc.closeCurrentProject();
    }

    /** time parses a number, an ISO date (as Gephi stores it: milliseconds, UTC), or ±inf. */
    private static double time(String s) {
        if (s.equals("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (s.equals("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (s.length() == 10 && s.charAt(4) == '-') {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return Double.parseDouble(s);
    }

    /** valueAt is the value of a dynamic attribute (an IntervalMap) at time t, or null. */
    private static Object valueAt(Object raw, double t) {
        if (!(raw instanceof org.gephi.graph.api.types.IntervalMap)) {
            return null;
        }
        org.gephi.graph.api.types.IntervalMap<?> m = (org.gephi.graph.api.types.IntervalMap<?>) raw;
        Interval[] keys = m.toKeysArray();
        Object[] vals = m.toValuesArray();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].getLow() <= t && t <= keys[i].getHigh()) {
                return vals[i];
            }
        }
        return null;
    }

    private static Element element(Graph g, String spec) {
        String[] p = spec.split(":");
        if (p[0].equals("node")) {
            return g.getNode(p[1]);
        }
        Node s = g.getNode(p[1]), t = g.getNode(p[2]);
        return s == null || t == null ? null : g.getEdge(s, t);
    }

    private static Column column(Table table, String name) {
        for (Column c : table) {
            if (c.getId().equalsIgnoreCase(name) || c.getTitle().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    private static String columns(Table table) {
        StringBuilder b = new StringBuilder();
        for (Column c : table) {
            b.append(b.length() > 0 ? ", " : "").append(c.getId()).append('/').append(c.getTitle());
        }
        return b.toString();
    }

    private static boolean same(Object got, String want) {
        if (got == null) {
            return want.isEmpty();
        }
        if (got instanceof Number) {
            double g = ((Number) got).doubleValue(), w = Double.parseDouble(want);
            return Math.abs(g - w) <= 1e-9 * Math.max(1, Math.abs(w));
        }
        return got.toString().equals(want);
    }
}
