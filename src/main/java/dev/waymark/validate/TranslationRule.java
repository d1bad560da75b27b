package dev.waymark.validate;

import dev.waymark.diag.Diagnostics;
import dev.waymark.model.Language;
import dev.waymark.model.Page;
import dev.waymark.model.Site;

import java.util.List;

/** A page of the default language may not take the address of a translation's folder ({@code /fr/…}). */
public final class TranslationRule {
    public void validate(Site main, List<Language> languages, Diagnostics diagnostics) {
        if (languages.size() < 2) return;
        for (Page page : main.pages()) {
            if (page.generated()) continue;
            for (Language l : languages.subList(1, languages.size())) {
                String prefix = l.code() + "/";
                if (page.path().equals(prefix) || page.path().startsWith(prefix)) {
                    diagnostics.error("translation-folder-taken", page.at(), "this page builds /" + page.path() + ", inside the folder of the "
                                    + l.name() + " translation (/" + prefix + ")",
                            "give it another `slug:` or file name; translations go in the content folder's " + prefix + " folder");
                }
            }
        }
    }
}
