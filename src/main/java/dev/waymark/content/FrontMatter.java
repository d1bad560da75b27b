package dev.waymark.content;

import dev.waymark.diag.SourcePosition;
import dev.waymark.model.PageKind;
import dev.waymark.model.ProfileData;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The front matter of one page, typed. Optional fields are empty when absent.
 *
 * @param at the position of the opening {@code ---} (or line 1 when there is none)
 * @param slugAt where the {@code slug:} value is (the opening {@code ---} when there is none): a page's address
 *               comes from it, so an address two pages share is reported there
 * @param titleReported the {@code title} key holds a value that is not text (a list, a mapping, nothing), which the
 *                      reader has already reported at that value: "page has no title" would say it twice
 */
public record FrontMatter(Optional<String> title, Optional<String> description, int weight, boolean draft,
                          PageKind kind, Optional<LocalDate> reviewed, Optional<String> slug, boolean toc,
                          Optional<ProfileData> profile, SourcePosition at, SourcePosition titleAt,
                          boolean titleReported, SourcePosition slugAt) {
}
