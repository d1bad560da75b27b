package dev.waymark.validate;

import dev.waymark.diag.Diagnostics;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;

/**
 * The validate stage over one assembled site: every rule that looks at the model alone, in one place, so that a full
 * build and serve's update report the same problems for the same input.
 */
public final class ModelRules {
    private ModelRules() {
    }

    /**
     * Reports pages at a generated page's address, and checks every decision tree and profile.
     *
     * @param configReadable false when site.yaml could not be read: then capabilities are not reported as unknown
     */
    public static void validate(Site site, SiteConfig config, boolean configReadable, Diagnostics diagnostics) {
        ProfileRule profiles = new ProfileRule(configReadable);
        DecisionTreeRule trees = new DecisionTreeRule();
        for (Page page : site.pages()) {
            if (!page.generated() && page.path().equals(Site.SEARCH_PATH)) {
                diagnostics.error("reserved-address", page.at(), "this page's address " + page.path() + " is taken by the generated search page",
                        "rename the file, or give it another `slug:`");
            }
            page.decisionTree().ifPresent(tree -> trees.validate(tree, diagnostics));
            if (page.profile().isPresent()) profiles.validate(page, config, diagnostics);
        }
    }
}
