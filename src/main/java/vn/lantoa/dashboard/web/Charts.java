package vn.lantoa.dashboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the dashboard's charts, computed on the server so that the page draws them as inline SVG with no
 * script (the CSP forbids inline scripts, and a printed page has none). Every chart has a table beside it with the
 * same numbers for screen readers and for print.
 */
final class Charts {

    /** The width of every chart's drawing (the SVG scales to the screen: 390 px on a phone). */
    static final int WIDTH = 480;
    private static final int LABEL_WIDTH = 168;
    private static final int ROW = 30;
    private static final int MAX_LABEL = 26;

    private Charts() {
    }

    /** A horizontal bar: its label, value, and where it is drawn. */
    record Bar(String label, String fullLabel, long value, int y, int width, int textY, int valueX) {
    }

    /** Horizontal bars, one per row. */
    record BarChart(int width, int height, int labelWidth, List<Bar> bars) {
    }

    /** A part of a stacked bar, with a CSS class for its colour. */
    record Segment(String css, long value, int x, int width) {
    }

    /** A stacked bar: one row, parts side by side. */
    record StackRow(String label, String fullLabel, int y, int textY, long total, List<Segment> segments) {
    }

    /** Stacked bars. */
    record StackChart(int width, int height, int labelWidth, List<StackRow> rows) {
    }

    /** A point of a line chart with its label below the axis (null when skipped for room). */
    record Point(int x, int y, long value, String label, String axisLabel) {
    }

    /** A line chart over time. */
    record LineChart(int width, int height, int baseY, String points, List<Point> dots, long max) {
    }

    /** A row of input for a chart. */
    record Value(String label, long value) {
    }

    static BarChart bars(List<Value> values) {
        long max = Math.max(1, values.stream().mapToLong(Value::value).max().orElse(1));
        int room = WIDTH - LABEL_WIDTH - 40;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            int y = i * ROW + 6;
            int w = (int) Math.round((double) room * v.value() / max);
            bars.add(new Bar(shorten(v.label()), v.label(), v.value(), y, Math.max(v.value() > 0 ? 2 : 0, w), y + 14,
                    LABEL_WIDTH + Math.max(v.value() > 0 ? 2 : 0, w) + 4));
        }
        return new BarChart(WIDTH, Math.max(ROW, values.size() * ROW + 6), LABEL_WIDTH, bars);
    }

    /**
     * Stacked rows: each row's parts in the order of {@code css}, widths as shares of the row's total (every row fills
     * the width when it has any, so rows compare as proportions).
     */
    static StackChart stacks(List<String> labels, List<long[]> values, List<String> css) {
        int room = WIDTH - LABEL_WIDTH - 8;
        List<StackRow> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long[] v = values.get(i);
            long total = 0;
            for (long x : v) {
                total += x;
            }
            List<Segment> segments = new ArrayList<>();
            int x = LABEL_WIDTH;
            long done = 0;
            for (int k = 0; k < v.length; k++) {
                if (v[k] == 0) {
                    continue;
                }
                done += v[k];
                int end = LABEL_WIDTH + (int) Math.round((double) room * done / total);
                segments.add(new Segment(css.get(k), v[k], x, Math.max(1, end - x)));
                x = end;
            }
            int y = i * ROW + 6;
            rows.add(new StackRow(shorten(labels.get(i)), labels.get(i), y, y + 14, total, segments));
        }
        return new StackChart(WIDTH, Math.max(ROW, labels.size() * ROW + 6), LABEL_WIDTH, rows);
    }

    /** A line over time, with a dot and the value at each point; axis labels thinned to about eight. */
    static LineChart line(List<Value> values) {
        int height = 180;
        int top = 20;
        int base = height - 30;
        int left = 24;
        int right = WIDTH - 24;
        long max = Math.max(1, values.stream().mapToLong(Value::value).max().orElse(1));
        int n = values.size();
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        List<Point> dots = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Value v = values.get(i);
            int x = n == 1 ? (left + right) / 2 : left + (int) Math.round((double) (right - left) * i / (n - 1));
            int y = base - (int) Math.round((double) (base - top) * v.value() / max);
            dots.add(new Point(x, y, v.value(), v.label(), i % every == 0 || i == n - 1 ? v.label() : null));
            points.append(String.format(Locale.ROOT, "%d,%d ", x, y));
        }
        return new LineChart(WIDTH, height, base, points.toString().strip(), dots, max);
    }

    private static String shorten(String label) {
        if (label == null) {
            return "";
        }
        return label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
    }
}
