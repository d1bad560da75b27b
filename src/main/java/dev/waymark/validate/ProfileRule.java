package dev.waymark.validate;

import dev.waymark.diag.Suggest;
import dev.waymark.diag.Positioned;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.ChoiceKind;
import dev.waymark.model.Page;
import dev.waymark.model.ProfileData;
import dev.waymark.model.SiteConfig;

import java.util.HashSet;
import java.util.Set;

/** Checks a profile page: capabilities come from the site's list, notes name included keys, and both choice lists exist. */
public final class ProfileRule {
    private final boolean capabilitiesKnown;

    public ProfileRule() {
        this(true);
    }

    /** @param capabilitiesKnown false when site.yaml could not be read: then no capability is reported as unknown */
    public ProfileRule(boolean capabilitiesKnown) {
        this.capabilitiesKnown = capabilitiesKnown;
    }

    public void validate(Page page, SiteConfig config, Diagnostics diagnostics) {
        ProfileData profile = page.profile().orElseThrow();
        Set<String> seen = new HashSet<>();
        for (Positioned<String> cap : profile.includes()) {
            if (!capabilitiesKnown) {
                continue;
            } else if (!config.capabilities().containsKey(cap.value())) {
                String near = Suggest.closest(cap.value(), config.capabilities().keySet());
                diagnostics.error("unknown-capability", cap.at(), "unknown capability \"" + cap.value() + "\"",
                        near != null ? "did you mean \"" + near + "\"?" : config.capabilities().isEmpty()
                                ? "declare capabilities in site.yaml under `capabilities:`"
                                : "use one of: " + String.join(", ", config.capabilityOrder()));
            } else if (!seen.add(cap.value())) {
                diagnostics.error("duplicate-capability", cap.at(), "capability \"" + cap.value() + "\" is listed twice", "remove the repeated entry");
            }
        }
        for (Positioned<String> noted : profile.noteKeys()) {
            if (capabilitiesKnown && !config.capabilities().containsKey(noted.value())) {
                String near = Suggest.closest(noted.value(), config.capabilities().keySet());
                diagnostics.error("unknown-capability", noted.at(), "note for unknown capability \"" + noted.value() + "\"", near != null
                        ? "did you mean \"" + near + "\"?" : "notes must use keys from site.yaml capabilities");
            }
        }
        for (dev.waymark.model.LinkRef link : profile.links()) {
            if (!link.url().matches("(?i)^(https?://|mailto:)[^\\s<>\"]+$")) {
                diagnostics.error("profile-link", link.at(), "profile link \"" + link.title() + "\" must be an http(s) or mailto: URL",
                        "write the full address, e.g. https://docs.example.org/");
            }
        }
        for (ChoiceKind kind : ChoiceKind.values()) {
            if (page.choiceLists().stream().noneMatch(l -> l.kind() == kind)) {
                // A warning, not an error: a profile without one of the lists is incomplete, not broken.
                diagnostics.warning("profile-list-missing", SourcePosition.ofFile(page.at().file()), "profile has no \"" + kind.label().toLowerCase(java.util.Locale.ROOT) + "\" list",
                        "add a `## When " + profile.name() + " is the " + kind.label().toLowerCase(java.util.Locale.ROOT) + "` heading followed by a bullet list");
            }
        }
    }
}
