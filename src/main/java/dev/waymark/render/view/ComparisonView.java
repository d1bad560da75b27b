package dev.waymark.render.view;

import java.util.List;

/** The capability table generated from every profile's front matter: one row per capability, one column per profile. */
public record ComparisonView(List<Column> columns, List<Row> rows, UiText ui) {
    public ComparisonView {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A profile column: its name and a link to its page. */
    public record Column(String name, String href) {
    }

    /** A capability row. */
    public record Row(String key, String label, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** Whether a profile includes the capability, with its optional note. */
    public record Cell(boolean included, String note) {
    }
}
