package dev.waymark.diag;

import java.util.Collection;

/**
 * "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough to be a typo, else the
 * shortest candidate that the word begins.
 */
public final class Suggest {
    private Suggest() {
    }

    public static String closest(String word, Collection<String> candidates) {
        return closest(word, candidates, null);
    }

    /**
     * The closest candidate other than {@code self}: a link's own page is never the answer to "did you mean" for a
     * link on that page (a typo of another name can be closer to the linking page's name than to anything else).
     */
    public static String closest(String word, Collection<String> candidates, String self) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates.stream().filter(c -> !c.equals(self)).sorted().toList()) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (bestDistance <= Math.max(2, stem(word).length() / 3)) return best;
        return shortestExtension(word, candidates, self);
    }

    /**
     * Whether {@code word} is one edit (a letter added, dropped or changed, case aside) from {@code candidate}: a typo
     * beyond doubt. Two edits can be another name altogether ({@code #use-s3} for {@code #use-r2}).
     */
    public static boolean oneEditApart(String word, String candidate) {
        return distance(word.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT)) <= 1;
    }

    /**
     * A word cut short is a typo too, though many edits from what was meant ({@code lang} for {@code language},
     * {@code #right-routing} for {@code #right-routing-by-topic}): the shortest candidate that starts with it, when the
     * word has at least three characters.
     */
    private static String shortestExtension(String word, Collection<String> candidates, String self) {
        if (word.length() < 3) return null;
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        return candidates.stream().filter(c -> !c.equals(self) && c.length() > word.length())
                .filter(c -> c.toLowerCase(java.util.Locale.ROOT).startsWith(lower))
                .min(java.util.Comparator.comparingInt(String::length).thenComparing(c -> c))
                .orElse(null);
    }

    /**
     * The part of a name a typo is judged against: a path's last segment without its extension. A shared folder and
     * ".md" make any two names in one folder look alike ("profiles/render.md" is four edits from
     * "profiles/index.md", a fifth of its length), but it is the file name that has to be plausibly mistyped.
     */
    static String stem(String word) {
        String path = word.endsWith("/") ? word.substring(0, word.length() - 1) : word;
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 ? last.substring(0, dot) : last;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
