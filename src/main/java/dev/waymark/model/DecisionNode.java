package dev.waymark.model;

import dev.waymark.diag.SourcePosition;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A node of a decision tree: a question to answer or an outcome to land on. */
public sealed interface DecisionNode permits DecisionNode.Question, DecisionNode.Outcome {
    String id();

    String title();

    SourcePosition at();

    /**
     * A question and its answers, in source order.
     *
     * @param brokenAnswers answer items already reported as unreadable (not a link, or a link off the page): they
     *                      count as answers, and where they lead is unknown, so reachability is not judged
     */
    record Question(String id, String title, List<Answer> answers, SourcePosition at, int brokenAnswers) implements DecisionNode {
        public Question {
            answers = List.copyOf(answers);
        }

        public Question(String id, String title, List<Answer> answers, SourcePosition at) {
            this(id, title, answers, at, 0);
        }
    }

    /** One answer: its label and the id of the node it leads to (without the {@code #}). */
    record Answer(String label, String target, SourcePosition at) {
    }

    /**
     * An outcome: a recommendation and the evidence behind it.
     *
     * @param reviewed when this outcome was last reviewed (its own {@code reviewed: YYYY-MM-DD} line), if it says
     */
    record Outcome(String id, String title, List<Evidence> evidence, Optional<LocalDate> reviewed, SourcePosition at)
            implements DecisionNode {
        public Outcome {
            evidence = List.copyOf(evidence);
        }

        /** An outcome without a review date of its own. */
        public Outcome(String id, String title, List<Evidence> evidence, SourcePosition at) {
            this(id, title, evidence, Optional.empty(), at);
        }
    }

    /** A link that justifies an outcome, as written in the Markdown (e.g. {@code profiles/option-a.md#right-admin}). */
    record Evidence(String label, String url, SourcePosition at) {
    }
}
