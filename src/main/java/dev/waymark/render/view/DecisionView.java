package dev.waymark.render.view;

import java.util.List;

/**
 * A decision tree ready to render, with links relative to the page that shows it.
 *
 * @param key          the tree's name in the address bar ({@code #key=node/node}); unique on the page
 * @param idPrefix     prefix of every node id on this page ("" on the tree's own page and its embed page)
 * @param dataJson     the tree as JSON for the widget script, escaped for a {@code <script type="application/json">}
 * @param outline      every path from the start, for the text outline
 * @param mapHtml      the build-time SVG map of the tree with its text alternative (trusted markup), or empty
 * @param embed        true on the standalone embed page: links that leave the widget open in the top window
 * @param pageHref     link from this page to the tree's own page
 * @param embedHref    link from this page to the tree's embed page
 * @param embedSnippet the {@code <iframe>} markup another site pastes to embed the tree, or empty
 * @param ui           the theme's interface text in the page's language
 */
public record DecisionView(String treeId, String key, String idPrefix, String startId, String dataJson,
                           List<Question> questions, List<Outcome> outcomes, List<OutlineNode> outline, String mapHtml,
                           boolean embed, String pageHref, String embedHref, String embedSnippet, UiText ui) {
    public DecisionView {
        questions = List.copyOf(questions);
        outcomes = List.copyOf(outcomes);
        outline = List.copyOf(outline);
    }

    /** The {@code target} of a link that leaves the widget: {@code _top} on the embed page, none elsewhere. */
    public String linkTarget() {
        return embed ? "_top" : null;
    }

    /**
     * A question with its help text and answers.
     *
     * @param number the step number when every path reaches this question after the same number of answers, else 0
     */
    public record Question(String id, int number, String title, String helpHtml, List<Answer> answers) {
        public Question {
            answers = List.copyOf(answers);
        }
    }

    /**
     * An answer linking to the next node's section.
     *
     * @param preview what the answer leads to: the outcome's title, or "More questions"
     */
    public record Answer(String label, String href, String target, String preview) {
    }

    /**
     * An outcome with its reasoning and evidence links.
     *
     * @param reviewed    the review date that applies to it (ISO), or empty
     * @param staleNotice the reader's notice when that review is older than the site allows, or empty
     */
    public record Outcome(String id, String title, String whyHtml, List<Evidence> evidence, String reviewed,
                          String staleNotice) {
        public Outcome {
            evidence = List.copyOf(evidence);
        }
    }

    /** An evidence link. */
    public record Evidence(String label, String href) {
    }

    /** One line of the outline: the answer that leads here (empty at the start), the node, and what follows. */
    public record OutlineNode(String answer, String title, String href, boolean outcome, List<OutlineNode> children) {
        public OutlineNode {
            children = List.copyOf(children);
        }
    }
}
