package dev.waymark.render.view;

import java.util.List;

/**
 * A decision tree ready to render, with links relative to the page that shows it.
 *
 * @param idPrefix prefix of every node id on this page ("" on the tree's own page)
 * @param dataJson the tree as JSON for the widget script, escaped for a {@code <script type="application/json">}
 * @param outline  every path from the start, for the text outline
 */
public record DecisionView(String treeId, String idPrefix, String startId, String dataJson, List<Question> questions,
                           List<Outcome> outcomes, List<OutlineNode> outline) {
    public DecisionView {
        questions = List.copyOf(questions);
        outcomes = List.copyOf(outcomes);
        outline = List.copyOf(outline);
    }

    /** A question with its help text and answers. */
    public record Question(String id, int number, String title, String helpHtml, List<Answer> answers) {
        public Question {
            answers = List.copyOf(answers);
        }
    }

    /** An answer linking to the next node's section. */
    public record Answer(String label, String href, String target) {
    }

    /** An outcome with its reasoning and evidence links. */
    public record Outcome(String id, String title, String whyHtml, List<Evidence> evidence) {
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
