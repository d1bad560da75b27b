package dev.waymark.validate;

import dev.waymark.diag.Diagnostics;
import dev.waymark.model.DecisionNode;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * How fresh each decision outcome's review is. An outcome is stale when its review date (its own {@code reviewed:}
 * line, else its page's, else the site's) is more than {@code review_max_age_days} before the build's reference date.
 *
 * <p>The reference date is never the wall clock, so the same content builds to the same bytes on any day: it is
 * {@code SOURCE_DATE_EPOCH} when that is set (the reproducible-builds convention), otherwise the newest date the content
 * itself carries: the last commit of any page, or any review date.
 */
public final class OutcomeFreshness {
    private final Optional<LocalDate> reference;
    private final Optional<Integer> maxAge;
    private final SiteConfig config;

    public OutcomeFreshness(Site site, Map<String, String> lastUpdated) {
        this(site, lastUpdated, Optional.ofNullable(System.getenv("SOURCE_DATE_EPOCH")));
    }

    OutcomeFreshness(Site site, Map<String, String> lastUpdated, Optional<String> sourceDateEpoch) {
        this.config = site.config();
        this.maxAge = config.reviewMaxAgeDays();
        this.reference = sourceDateEpoch.flatMap(OutcomeFreshness::epochDate).or(() -> newest(site, lastUpdated));
    }

    /** The date review ages are measured against, when the content carries any date at all. */
    public Optional<LocalDate> reference() {
        return reference;
    }

    /** The review date that applies to an outcome on {@code page}. */
    public Optional<LocalDate> reviewed(DecisionNode.Outcome outcome, Page page) {
        return outcome.reviewed().or(page::reviewed).or(config::reviewed);
    }

    /** How many days old the outcome's review is, when it is older than the limit; empty when fresh or unknown. */
    public Optional<Long> staleDays(DecisionNode.Outcome outcome, Page page) {
        if (maxAge.isEmpty() || reference.isEmpty()) return Optional.empty();
        Optional<LocalDate> reviewed = reviewed(outcome, page);
        if (reviewed.isEmpty()) return Optional.empty();
        long days = ChronoUnit.DAYS.between(reviewed.get(), reference.get());
        return days > maxAge.get() ? Optional.of(days) : Optional.empty();
    }

    public Optional<Integer> maxAge() {
        return maxAge;
    }

    /** Warns at the heading of every stale outcome. */
    public void validate(Site site, Diagnostics diagnostics) {
        for (Page page : site.pages()) {
            page.decisionTree().ifPresent(tree -> {
                for (DecisionNode.Outcome o : tree.outcomes()) {
                    staleDays(o, page).ifPresent(days -> diagnostics.warning("outcome-stale", o.at(),
                            "outcome \"" + o.id() + "\" was last reviewed " + reviewed(o, page).orElseThrow() + ", " + days
                                    + " days before " + reference.orElseThrow() + " (review_max_age_days: " + maxAge.orElseThrow() + ")",
                            "check the outcome still holds, then update its line `reviewed: YYYY-MM-DD`"));
                }
            });
        }
    }

    private static Optional<LocalDate> epochDate(String value) {
        try {
            return Optional.of(LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(value.strip())), ZoneOffset.UTC));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> newest(Site site, Map<String, String> lastUpdated) {
        LocalDate best = site.config().reviewed().orElse(null);
        for (String date : lastUpdated.values()) {
            try {
                best = later(best, LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                // a date git printed in another shape does not count
            }
        }
        for (Page page : site.pages()) {
            best = later(best, page.reviewed().orElse(null));
            if (page.decisionTree().isPresent()) {
                for (DecisionNode.Outcome o : page.decisionTree().get().outcomes()) best = later(best, o.reviewed().orElse(null));
            }
        }
        return Optional.ofNullable(best);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) return b;
        return b == null || !b.isAfter(a) ? a : b;
    }
}
