package dev.waymark.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A decision tree: its nodes in source order; the first question is the start.
 *
 * @param pagePath site path of the page that defines it (e.g. {@code decide/})
 */
public record DecisionTree(String pagePath, List<DecisionNode> nodes) {
    public DecisionTree {
        nodes = List.copyOf(nodes);
    }

    public Optional<DecisionNode> start() {
        return nodes.stream().filter(n -> n instanceof DecisionNode.Question).findFirst();
    }

    public Map<String, DecisionNode> byId() {
        return nodes.stream().collect(Collectors.toMap(DecisionNode::id, Function.identity(), (a, b) -> a));
    }

    public List<DecisionNode.Outcome> outcomes() {
        return nodes.stream().filter(DecisionNode.Outcome.class::isInstance).map(DecisionNode.Outcome.class::cast).toList();
    }

    public List<DecisionNode.Question> questions() {
        return nodes.stream().filter(DecisionNode.Question.class::isInstance).map(DecisionNode.Question.class::cast).toList();
    }
}
