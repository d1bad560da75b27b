package dev.waymark.render;

import dev.waymark.model.Page;
import dev.waymark.model.ProfileData;
import dev.waymark.model.Site;
import dev.waymark.render.view.ComparisonView;
import dev.waymark.links.SiteLinks;

import java.util.ArrayList;
import java.util.List;

/** Builds the comparison table from the profiles' front matter. It is never written by hand. */
final class ComparisonViews {
    private ComparisonViews() {
    }

    static ComparisonView of(Site site, Page from, dev.waymark.render.view.UiText ui) {
        List<Page> profiles = site.profiles();
        List<ComparisonView.Column> columns = new ArrayList<>();
        for (Page p : profiles) {
            columns.add(new ComparisonView.Column(p.profile().orElseThrow().name(), SiteLinks.relative(from.path(), p.path()) + "index.html"));
        }
        List<ComparisonView.Row> rows = new ArrayList<>();
        for (String key : site.config().capabilityOrder()) {
            List<ComparisonView.Cell> cells = new ArrayList<>();
            for (Page p : profiles) {
                ProfileData d = p.profile().orElseThrow();
                cells.add(new ComparisonView.Cell(d.includes(key), d.notes().getOrDefault(key, "")));
            }
            rows.add(new ComparisonView.Row(key, site.config().capabilities().get(key), cells));
        }
        return new ComparisonView(columns, rows, ui);
    }
}
