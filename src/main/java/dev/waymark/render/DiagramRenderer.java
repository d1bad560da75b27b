package dev.waymark.render;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.jsoup.nodes.Entities.escape;

/**
 * Renders a {@code diagram} block (nodes and labelled edges) as an inline SVG, laid out in layers from the nodes that
 * nothing points to, plus a text alternative that lists every connection. No image is fetched from anywhere.
 */
public final class DiagramRenderer {
    private static final Pattern NODE = Pattern.compile("^node\\s+([A-Za-z0-9_-]+)\\s*:\\s*([^|]+?)\\s*(?:\\|\\s*(.+))?$");
    private static final Pattern EDGE = Pattern.compile("^([A-Za-z0-9_-]+)\\s*->\\s*([A-Za-z0-9_-]+)\\s*(?::\\s*(.+))?$");
    private static final int BOX_W = 230;
    private static final int BOX_H = 64;
    /** The theme's sizes for a node's title (bold), its detail and an edge's label, in pixels (style.css .diagram__*). */
    private static final double TITLE_PX = 15;
    private static final double SMALL_PX = 12;
    /** Room between a box's edge and its text. */
    private static final int PAD = 12;
    /** The widest an edge label may be drawn before it is shortened; the text alternative always has it in full. */
    private static final double LABEL_MAX = 170;
    private static final int GAP_X = 40;
    private static final int GAP_Y = 70;

    record Node(String id, String label, String detail) {
    }

    record Edge(String from, String to, String label) {
    }

    /** Renders the block; problems are reported at their line ({@code firstLine} is the line of the first diagram line). */
    public String render(String source, int firstLine, java.nio.file.Path file, String idBase, Diagnostics diagnostics) {
        return render(source, firstLine, file, idBase, diagnostics, "Text description of the diagram");
    }

    /** @param textSummary the words on the text alternative's disclosure, in the page's language */
    public String render(String source, int firstLine, java.nio.file.Path file, String idBase, Diagnostics diagnostics, String textSummary) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            SourcePosition at = SourcePosition.of(file, firstLine + i);
            Matcher n = NODE.matcher(line);
            Matcher e = EDGE.matcher(line);
            if (n.matches()) {
                if (nodes.putIfAbsent(n.group(1), new Node(n.group(1), n.group(2), n.group(3) == null ? "" : n.group(3).strip())) != null) {
                    diagnostics.error("diagram-duplicate-node", at, "diagram node \"" + n.group(1) + "\" is declared twice", "give each node its own id");
                }
            } else if (e.matches()) {
                edges.add(new Edge(e.group(1), e.group(2), e.group(3) == null ? "" : e.group(3).strip()));
                for (String id : List.of(e.group(1), e.group(2))) {
                    if (!nodes.containsKey(id) && !declaredLater(lines, i, id)) {
                        diagnostics.error("diagram-undeclared-node", at, "diagram edge uses an undeclared node \"" + id + "\"", "add `node " + id + ": Label`");
                    }
                }
            } else {
                diagnostics.error("diagram-syntax", at, "diagram line not understood: " + line,
                        "write `node id: Label | detail` or `from -> to: label`");
            }
        }
        edges.removeIf(ed -> !nodes.containsKey(ed.from()) || !nodes.containsKey(ed.to()));
        if (nodes.size() > 40) {
            diagnostics.error("diagram-too-large", SourcePosition.of(file, firstLine), "diagram has " + nodes.size() + " nodes; the limit is 40", "split it into smaller diagrams");
            return "";
        }
        return svg(nodes, edges, idBase, textSummary);
    }

    private static boolean declaredLater(String[] lines, int from, String id) {
        for (int j = from + 1; j < lines.length; j++) {
            Matcher n = NODE.matcher(lines[j].strip());
            if (n.matches() && n.group(1).equals(id)) return true;
        }
        return false;
    }

    private static String svg(Map<String, Node> nodes, List<Edge> edges, String idBase, String textSummary) {
        Map<String, Integer> layer = layers(nodes, edges);
        Map<Integer, List<String>> rows = new java.util.TreeMap<>();
        nodes.keySet().forEach(id -> rows.computeIfAbsent(layer.get(id), k -> new ArrayList<>()).add(id));
        int maxRow = rows.values().stream().mapToInt(List::size).max().orElse(1);
        int width = maxRow * BOX_W + (maxRow - 1) * GAP_X + 20;
        int height = rows.size() * BOX_H + (rows.size() - 1) * GAP_Y + 20;
        Map<String, int[]> pos = new HashMap<>();
        int r = 0;
        for (List<String> row : rows.values()) {
            int rowWidth = row.size() * BOX_W + (row.size() - 1) * GAP_X;
            int x0 = (width - rowWidth) / 2;
            for (int i = 0; i < row.size(); i++) {
                pos.put(row.get(i), new int[]{x0 + i * (BOX_W + GAP_X), 10 + r * (BOX_H + GAP_Y)});
            }
            r++;
        }
        String titleId = idBase + "-title";
        String descId = idBase + "-desc";
        StringBuilder sb = new StringBuilder();
        Labels labels = new Labels(width, height);
        pos.values().forEach(p -> labels.block(p[0], p[1], BOX_W, BOX_H));
        sb.append("<title id=\"").append(titleId).append("\">Diagram: ")
                .append(escape(String.join(", ", nodes.values().stream().map(Node::label).toList()))).append("</title>\n");
        sb.append("<desc id=\"").append(descId).append("\">")
                .append(escape(String.join("; ", edges.stream().map(e -> nodes.get(e.from()).label() + " to " + nodes.get(e.to()).label()
                        + (e.label().isEmpty() ? "" : " (" + e.label() + ")")).toList()))).append("</desc>\n");
        sb.append("<defs><marker id=\"").append(idBase).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"diagram__head\"/></marker></defs>\n");
        Map<Edge, Integer> outX = ports(edges, pos, true);
        Map<Edge, Integer> inX = ports(edges, pos, false);
        List<int[]> lines = new ArrayList<>();
        for (Edge e : edges) {
            int[] a = pos.get(e.from());
            int[] b = pos.get(e.to());
            boolean same = b[1] == a[1];
            boolean down = b[1] > a[1];
            int x1 = outX.get(e);
            int x2 = inX.get(e);
            int y1 = down ? a[1] + BOX_H : a[1];
            int y2 = down ? b[1] : b[1] + BOX_H;
            if (same) {
                x1 = a[0] < b[0] ? a[0] + BOX_W : a[0];
                x2 = a[0] < b[0] ? b[0] : b[0] + BOX_W;
                y1 = a[1] + BOX_H / 2;
                y2 = b[1] + BOX_H / 2;
            }
            lines.add(new int[]{x1, y1, x2, y2});
        }
        lines.forEach(labels::line);
        for (int index = 0; index < edges.size(); index++) {
            Edge e = edges.get(index);
            int x1 = lines.get(index)[0];
            int y1 = lines.get(index)[1];
            int x2 = lines.get(index)[2];
            int y2 = lines.get(index)[3];
            sb.append("<g class=\"diagram__edge\"><line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2)
                    .append("\" y2=\"").append(y2).append("\" marker-end=\"url(#").append(idBase).append("-arrow)\"/>");
            if (!e.label().isEmpty()) labels.place(sb, e.label(), x1, y1, x2, y2);
            sb.append("</g>\n");
        }
        for (Node n : nodes.values()) {
            int[] p = pos.get(n.id());
            sb.append("<g class=\"diagram__node\"><rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(BOX_W)
                    .append("\" height=\"").append(BOX_H).append("\" rx=\"8\"/>");
            // a title wraps to two lines, or keeps to one above a detail line
            List<String> title = TextWidth.wrap(n.label(), BOX_W - 2 * PAD, n.detail().isEmpty() ? 2 : 1, TITLE_PX, true);
            int ty = !n.detail().isEmpty() ? p[1] + 26 : title.size() == 1 ? p[1] + BOX_H / 2 + 5 : p[1] + 28;
            for (int i = 0; i < title.size(); i++) {
                sb.append("<text x=\"").append(p[0] + BOX_W / 2).append("\" y=\"").append(ty + 18 * i).append("\" class=\"diagram__title\">")
                        .append(escape(title.get(i))).append("</text>");
            }
            if (!n.detail().isEmpty()) {
                sb.append("<text x=\"").append(p[0] + BOX_W / 2).append("\" y=\"").append(p[1] + 46).append("\" class=\"diagram__detail\">")
                        .append(escape(TextWidth.fit(n.detail(), BOX_W - 2 * PAD, SMALL_PX, false))).append("</text>");
            }
            sb.append("</g>\n");
        }
        // the frame is known once every label is placed
        sb.insert(0, "<figure class=\"diagram\">\n<svg class=\"diagram__svg\" " + labels.frame()
                + " role=\"img\" aria-labelledby=\"" + titleId + " " + descId + "\">\n");
        sb.append("</svg>\n<figcaption>\n<details class=\"diagram__text\"><summary>").append(escape(textSummary)).append("</summary>\n<ul>\n");
        for (Node n : nodes.values()) {
            sb.append("<li><strong>").append(escape(n.label())).append("</strong>")
                    .append(n.detail().isEmpty() ? "" : ": " + escape(n.detail())).append("</li>\n");
        }
        for (Edge e : edges) {
            sb.append("<li>").append(escape(nodes.get(e.from()).label())).append(" \u2192 ").append(escape(nodes.get(e.to()).label()))
                    .append(e.label().isEmpty() ? "" : ": " + escape(e.label())).append("</li>\n");
        }
        sb.append("</ul>\n</details>\n</figcaption>\n</figure>\n");
        return sb.toString();
    }

    /** A node of a map drawn from a model rather than parsed, with its kind ("question", "outcome"). */
    public record MapNode(String id, String label, String kind) {
    }

    /** An edge of a map; {@code key} names it for scripts ({@code data-edge}). */
    public record MapEdge(String from, String to, String label, String key) {
    }

    private static final int MAP_W = 240;
    private static final int MAP_H = 106;
    private static final int MAP_GAP_X = 36;
    private static final int MAP_GAP_Y = 84;
    private static final int MAP_LINES = 4;

    /**
     * Draws a map of a directed acyclic graph read from the content model, e.g. a decision tree. Each node sits one
     * row below the deepest node that points to it, so every edge runs downwards; within a row, nodes sit under the
     * average place of the nodes pointing to them. Labels wrap to three lines at their drawn size (the SVG is meant to
     * be shown unscaled and scrolled, so the text stays legible however big the map grows). Every node carries
     * {@code data-node} and every edge {@code data-edge}, for a script to highlight a path and make the nodes links; the
     * SVG itself stays static markup (one {@code <title>}, no links) that the checker's fast scan can read. A text
     * alternative lists every connection.
     *
     * @param start the node every path starts from
     */
    public String map(List<MapNode> nodes, List<MapEdge> edges, String start, String idBase, String title) {
        return map(nodes, edges, start, idBase, title, MapWords.ENGLISH);
    }

    /** The map's own words, in the page's language: the label over each kind of node and the text alternative's disclosure. */
    public record MapWords(String question, String outcome, String textSummary) {
        public static final MapWords ENGLISH = new MapWords("Question", "Outcome", "Text description of the map");

        String kind(String kind) {
            return switch (kind) {
                case "question" -> question;
                case "outcome" -> outcome;
                default -> kind.isEmpty() ? "" : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            };
        }
    }

    public String map(List<MapNode> nodes, List<MapEdge> edges, String start, String idBase, String title, MapWords words) {
        Map<String, MapNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.putIfAbsent(n.id(), n));
        List<MapEdge> drawn = edges.stream().filter(e -> byId.containsKey(e.from()) && byId.containsKey(e.to())).toList();
        Map<String, Integer> layer = longestLayers(byId.keySet(), drawn, start);
        Map<Integer, List<String>> rows = new java.util.TreeMap<>();
        byId.keySet().forEach(id -> rows.computeIfAbsent(layer.get(id), k -> new ArrayList<>()).add(id));
        Map<String, Double> place = new HashMap<>();
        for (List<String> row : rows.values()) {
            Map<String, Double> key = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                String id = row.get(i);
                double sum = 0;
                int n = 0;
                for (MapEdge e : drawn) {
                    if (e.to().equals(id) && place.containsKey(e.from())) {
                        sum += place.get(e.from());
                        n++;
                    }
                }
                key.put(id, n == 0 ? i : sum / n + i * 1e-6);
            }
            row.sort(java.util.Comparator.comparingDouble(key::get));
            for (int i = 0; i < row.size(); i++) place.put(row.get(i), (double) i - (row.size() - 1) / 2.0);
        }
        int maxRow = rows.values().stream().mapToInt(List::size).max().orElse(1);
        int width = maxRow * MAP_W + (maxRow - 1) * MAP_GAP_X + 20;
        int height = rows.size() * MAP_H + (rows.size() - 1) * MAP_GAP_Y + 20;
        Map<String, int[]> pos = new HashMap<>();
        int r = 0;
        for (List<String> row : rows.values()) {
            int x0 = (width - (row.size() * MAP_W + (row.size() - 1) * MAP_GAP_X)) / 2;
            for (int i = 0; i < row.size(); i++) pos.put(row.get(i), new int[]{x0 + i * (MAP_W + MAP_GAP_X), 10 + r * (MAP_H + MAP_GAP_Y)});
            r++;
        }
        String titleId = idBase + "-title";
        StringBuilder sb = new StringBuilder();
        Labels labels = new Labels(width, height);
        pos.values().forEach(p -> labels.block(p[0], p[1], MAP_W, MAP_H));
        sb.append("<title id=\"").append(titleId).append("\">").append(escape(title)).append("</title>\n");
        sb.append("<defs><marker id=\"").append(idBase).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"diagram__head\"/></marker></defs>\n");
        List<Edge> plain = drawn.stream().map(e -> new Edge(e.from(), e.to(), e.label())).toList();
        Map<Edge, Integer> outX = mapPorts(plain, pos, true);
        Map<Edge, Integer> inX = mapPorts(plain, pos, false);
        // every edge's line first: a label avoids the lines of edges drawn after it too
        List<int[]> segments = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            segments.add(new int[]{outX.get(plain.get(i)), pos.get(drawn.get(i).from())[1] + MAP_H, inX.get(plain.get(i)), pos.get(drawn.get(i).to())[1]});
        }
        segments.forEach(labels::line);
        for (int i = 0; i < drawn.size(); i++) {
            MapEdge e = drawn.get(i);
            int x1 = segments.get(i)[0];
            int y1 = segments.get(i)[1];
            int x2 = segments.get(i)[2];
            int y2 = segments.get(i)[3];
            sb.append("<g class=\"diagram__edge\" data-edge=\"").append(escape(e.key())).append("\"><line x1=\"").append(x1).append("\" y1=\"").append(y1)
                    .append("\" x2=\"").append(x2).append("\" y2=\"").append(y2).append("\" marker-end=\"url(#").append(idBase).append("-arrow)\"/>");
            if (!e.label().isEmpty()) labels.place(sb, e.label(), x1, y1, x2, y2);
            sb.append("</g>\n");
        }
        for (MapNode n : byId.values()) {
            int[] p = pos.get(n.id());
            List<String> lines = TextWidth.wrap(n.label(), MAP_W - 2 * PAD, MAP_LINES, TITLE_PX, true);
            sb.append("<g class=\"diagram__node diagram__node--").append(escape(n.kind()))
                    .append("\" data-node=\"").append(escape(n.id())).append("\">");
            sb.append("<rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(MAP_W).append("\" height=\"").append(MAP_H)
                    .append("\" rx=\"").append(n.kind().equals("outcome") ? 22 : 8).append("\"/>");
            sb.append("<text x=\"").append(p[0] + MAP_W / 2).append("\" y=\"").append(p[1] + 20).append("\" class=\"diagram__detail\">")
                    .append(escape(words.kind(n.kind()))).append("</text>\n"); // a line break between texts, so a link around the node reads "Question Is …", not "QuestionIs …"
            int top = p[1] + 40 + (MAP_LINES - lines.size()) * 9;
            for (int i = 0; i < lines.size(); i++) {
                sb.append("<text x=\"").append(p[0] + MAP_W / 2).append("\" y=\"").append(top + i * 18).append("\" class=\"diagram__title\">")
                        .append(escape(lines.get(i))).append("</text>\n");
            }
            sb.append("</g>\n");
        }
        sb.insert(0, "<figure class=\"diagram diagram--map\">\n<svg class=\"diagram__svg\" " + labels.frame()
                + " aria-labelledby=\"" + titleId + "\">\n");
        sb.append("</svg>\n<figcaption>\n<details class=\"diagram__text\"><summary>").append(escape(words.textSummary())).append("</summary>\n<ul>\n");
        for (MapNode n : byId.values()) {
            List<MapEdge> out = drawn.stream().filter(e -> e.from().equals(n.id())).toList();
            sb.append("<li>").append(escape(words.kind(n.kind()))).append(": <strong>").append(escape(n.label())).append("</strong>");
            if (!out.isEmpty()) {
                sb.append("\n<ul>");
                for (MapEdge e : out) {
                    sb.append("<li>").append(escape(e.label())).append(" \u2192 ").append(escape(byId.get(e.to()).label())).append("</li>");
                }
                sb.append("</ul>");
            }
            sb.append("</li>\n");
        }
        sb.append("</ul>\n</details>\n</figcaption>\n</figure>\n");
        return sb.toString();
    }


    private static Map<Edge, Integer> mapPorts(List<Edge> edges, Map<String, int[]> pos, boolean out) {
        Map<String, List<Edge>> byNode = new LinkedHashMap<>();
        for (Edge e : edges) byNode.computeIfAbsent(out ? e.from() : e.to(), k -> new ArrayList<>()).add(e);
        Map<Edge, Integer> x = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, List<Edge>> entry : byNode.entrySet()) {
            List<Edge> list = new ArrayList<>(entry.getValue());
            list.sort(java.util.Comparator.comparingInt(e -> pos.get(out ? e.to() : e.from())[0]));
            int left = pos.get(entry.getKey())[0];
            for (int i = 0; i < list.size(); i++) x.put(list.get(i), left + MAP_W * (i + 1) / (list.size() + 1));
        }
        return x;
    }

    /**
     * Rows by the longest path from the start, so every edge points down a row or more. A node on a cycle (which the
     * tree's own rule reports) is placed once and not followed again.
     */
    private static Map<String, Integer> longestLayers(java.util.Set<String> ids, List<MapEdge> edges, String start) {
        Map<String, List<String>> next = new HashMap<>();
        Map<String, Integer> indegree = new HashMap<>();
        for (MapEdge e : edges) {
            next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            indegree.merge(e.to(), 1, Integer::sum);
        }
        Map<String, Integer> layer = new HashMap<>();
        java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
        for (String id : ids) {
            if (!indegree.containsKey(id)) {
                layer.put(id, 0);
                ready.add(id);
            }
        }
        if (ids.contains(start)) layer.put(start, 0);
        while (!ready.isEmpty()) {
            String id = ready.poll();
            for (String to : next.getOrDefault(id, List.of())) {
                layer.merge(to, layer.get(id) + 1, Math::max);
                if (indegree.merge(to, -1, Integer::sum) == 0) ready.add(to);
            }
        }
        ids.forEach(id -> layer.putIfAbsent(id, 0));
        return layer;
    }

    /**
     * Where each edge leaves (or enters) its box: edges on the same side of a box are spread evenly along it, in the
     * order of the other end's position, so they never start from one point.
     */
    private static Map<Edge, Integer> ports(List<Edge> edges, Map<String, int[]> pos, boolean out) {
        Map<String, List<Edge>> byNode = new LinkedHashMap<>();
        for (Edge e : edges) byNode.computeIfAbsent(out ? e.from() : e.to(), k -> new ArrayList<>()).add(e);
        Map<Edge, Integer> x = new HashMap<>();
        for (Map.Entry<String, List<Edge>> entry : byNode.entrySet()) {
            List<Edge> list = new ArrayList<>(entry.getValue());
            list.sort(java.util.Comparator.comparingInt(e -> pos.get(out ? e.to() : e.from())[0]));
            int left = pos.get(entry.getKey())[0];
            for (int i = 0; i < list.size(); i++) {
                x.put(list.get(i), left + BOX_W * (i + 1) / (list.size() + 1));
            }
        }
        return x;
    }

    /**
     * Layers by shortest distance from the nodes nothing points to (breadth-first), so a back edge such as
     * "queue -> service" does not stretch the picture into one long column. Nodes only on cycles start at layer 0.
     */
    private static Map<String, Integer> layers(Map<String, Node> nodes, List<Edge> edges) {
        Map<String, Integer> layer = new HashMap<>();
        java.util.Set<String> targets = new java.util.HashSet<>();
        edges.forEach(e -> targets.add(e.to()));
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        for (String id : nodes.keySet()) {
            if (!targets.contains(id)) {
                layer.put(id, 0);
                queue.add(id);
            }
        }
        if (queue.isEmpty() && !nodes.isEmpty()) {
            String first = nodes.keySet().iterator().next();
            layer.put(first, 0);
            queue.add(first);
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (Edge e : edges) {
                if (e.from().equals(id) && !layer.containsKey(e.to())) {
                    layer.put(e.to(), layer.get(id) + 1);
                    queue.add(e.to());
                }
            }
        }
        nodes.keySet().forEach(id -> layer.putIfAbsent(id, 0));
        return layer;
    }

    /**
     * Places edge labels one by one, each at the first spot along its edge where it covers no box and no label placed
     * before it (or, failing that, the spot that covers least), and grows the picture's frame to hold every label.
     */
    private static final class Labels {
        /** Where along an edge a label may sit, in order of preference: near the start, where edges are still apart. */
        private static final double[] ALONG = {0.3, 0.45, 0.6, 0.2, 0.75, 0.38, 0.52, 0.68, 0.12, 0.85};
        private final List<double[]> taken = new ArrayList<>();
        private final List<int[]> lines = new ArrayList<>();
        private double minX;
        private double minY;
        private double maxX;
        private double maxY;

        Labels(int width, int height) {
            maxX = width;
            maxY = height;
        }

        /** An edge's line, which other edges' labels avoid crossing. */
        void line(int[] line) {
            lines.add(line);
        }

        void block(double x, double y, double w, double h) {
            taken.add(new double[]{x - 3, y - 3, x + w + 3, y + h + 3});
        }

        /** Appends the label's {@code <text>}, placed beside the edge from (x1, y1) to (x2, y2). */
        void place(StringBuilder sb, String label, int x1, int y1, int x2, int y2) {
            String text = TextWidth.fit(label, LABEL_MAX, SMALL_PX, false);
            double w = TextWidth.of(text, SMALL_PX, false);
            boolean left = x2 < x1;
            double[] best = null;
            double bestCost = Double.MAX_VALUE;
            for (double t : ALONG) {
                double px = x1 + (x2 - x1) * t;
                double py = y1 + (y2 - y1) * t;
                // beside the line on its outer side, then the inner side, then centred above and below it
                double[][] spots = {
                        left ? new double[]{px - 6 - w, py + 4} : new double[]{px + 6, py + 4},
                        left ? new double[]{px + 6, py + 4} : new double[]{px - 6 - w, py + 4},
                        {px - w / 2, py - 6}, {px - w / 2, py + 16}};
                for (double[] s : spots) {
                    double[] box = {s[0] - 2, s[1] - 13, s[0] + w + 2, s[1] + 5};
                    double cost = 0;
                    for (double[] o : taken) cost += overlap(box, o);
                    for (int[] l : lines) {
                        boolean own = l[0] == x1 && l[1] == y1 && l[2] == x2 && l[3] == y2;
                        if (!own && crosses(l, box)) cost += CROSSING;
                    }
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = new double[]{s[0], s[1], box[0], box[1], box[2], box[3]};
                    }
                    if (cost == 0) break;
                }
                if (bestCost == 0) break;
            }
            taken.add(new double[]{best[2], best[3], best[4], best[5]});
            minX = Math.min(minX, best[2]);
            minY = Math.min(minY, best[3]);
            maxX = Math.max(maxX, best[4]);
            maxY = Math.max(maxY, best[5]);
            sb.append("<text x=\"").append(Math.round(best[0])).append("\" y=\"").append(Math.round(best[1]))
                    .append("\" paint-order=\"stroke\" class=\"diagram__label\">").append(escape(text)).append("</text>");
        }

        /** What a label that another edge's line runs through costs: less than covering a box by a few pixels. */
        private static final double CROSSING = 40;

        /** Whether the segment runs through the box (Liang–Barsky clipping). */
        static boolean crosses(int[] l, double[] box) {
            double t0 = 0;
            double t1 = 1;
            double dx = l[2] - l[0];
            double dy = l[3] - l[1];
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {l[0] - box[0], box[2] - l[0], l[1] - box[1], box[3] - l[1]};
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] < 0) return false;
                } else {
                    double r = q[i] / p[i];
                    if (p[i] < 0) t0 = Math.max(t0, r);
                    else t1 = Math.min(t1, r);
                    if (t0 > t1) return false;
                }
            }
            return true;
        }

        private static double overlap(double[] a, double[] b) {
            double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
            double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
            return w > 0 && h > 0 ? w * h : 0;
        }

        /** The SVG's size and view box, wide enough for the boxes and every label. */
        String frame() {
            long x = (long) Math.floor(minX);
            long y = (long) Math.floor(minY);
            long w = (long) Math.ceil(maxX) - x;
            long h = (long) Math.ceil(maxY) - y;
            return "width=\"" + w + "\" height=\"" + h + "\" viewBox=\"" + x + " " + y + " " + w + " " + h + "\"";
        }
    }
}
