package dev.waymark.validate;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.Suggest;
import dev.waymark.model.DecisionNode;
import dev.waymark.model.DecisionNode.Answer;
import dev.waymark.model.DecisionNode.Outcome;
import dev.waymark.model.DecisionNode.Question;
import dev.waymark.model.DecisionTree;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a decision tree: answers point to existing nodes, every node is reachable from the start, there are no
 * cycles, each question has at least two answers, each outcome has evidence, and ids are unique.
 */
public final class DecisionTreeRule {

    public void validate(DecisionTree tree, Diagnostics diagnostics) {
        Map<String, DecisionNode> byId = new HashMap<>();
        for (DecisionNode node : tree.nodes()) {
            DecisionNode before = byId.putIfAbsent(node.id(), node);
            if (before != null) {
                diagnostics.error("tree-duplicate-id", node.at(), "duplicate decision node id \"" + node.id() + "\" (first on line " + before.at().line() + ")",
                        "give this node another {#id}");
            }
        }
        Map<String, String> meant = new HashMap<>(); // a missing target -> the id it was probably meant to be
        for (DecisionNode node : tree.nodes()) {
            if (node instanceof Question q) {
                // an answer item already reported (not a link) is the cause; its question's count is not reported too
                if (q.answers().size() + q.brokenAnswers() < 2) {
                    diagnostics.error("tree-one-answer", q.at(), "question \"" + q.id() + "\" has " + q.answers().size() + " answer" + (q.answers().size() == 1 ? "" : "s") + "; it needs at least two",
                            "add answers as a bullet list: - [Label](#next-node-id)");
                }
                for (Answer a : q.answers()) {
                    if (!byId.containsKey(a.target())) {
                        String near = Suggest.closest(a.target(), byId.keySet());
                        if (near != null) meant.put(a.target(), near);
                        diagnostics.error("tree-missing-node", a.at(), "answer \"" + a.label() + "\" points to a missing node \"#" + a.target() + "\"",
                                near != null && Suggest.oneEditApart(a.target(), near) ? "did you mean #" + near + "?"
                                        // a missing outcome can look like a typo of another (#use-s3, #use-r2): say both
                                        : near != null ? "did you mean #" + near + "? If #" + a.target() + " is a node still to write, add a Question or Outcome heading with {#" + a.target() + "}"
                                        : "point it to the {#id} of a Question or Outcome heading on this page, or add one with {#" + a.target() + "}");
                    }
                }
            } else if (node instanceof Outcome o && o.evidence().isEmpty()) {
                diagnostics.error("tree-outcome-no-links", o.at(), "outcome \"" + o.id() + "\" has no links to the evidence behind it",
                        "end the outcome with a bullet list of links to profile sections or choice items");
            }
        }
        tree.start().ifPresentOrElse(start -> {
            // A node that only a mistyped answer leads to is not reported as well: reach it as if the typo were fixed.
            Set<String> reached = reach(start.id(), byId, meant);
            // where an unreadable answer leads is unknown: a node only it reaches would be reported for its sake; so is
            // where a question's missing second answer would lead (its tree-one-answer error is the cause)
            boolean unknownPaths = tree.nodes().stream().anyMatch(n -> n instanceof Question q
                    && (q.brokenAnswers() > 0 || q.answers().size() < 2));
            for (DecisionNode node : unknownPaths ? List.<DecisionNode>of() : tree.nodes()) {
                if (!reached.contains(node.id())) {
                    diagnostics.error("tree-unreachable", node.at(), "decision node \"" + node.id() + "\" cannot be reached from the start (\"" + start.id() + "\")",
                            "link to it from an answer, or remove it");
                }
            }
            findCycle(start.id(), byId, diagnostics);
        }, () -> {
            if (!tree.nodes().isEmpty()) {
                diagnostics.error("tree-no-start", tree.nodes().get(0).at(), "the decision tree has no question to start from",
                        "add a `## Question: …? {#id}` heading before the outcomes");
            }
        });
    }

    private static Set<String> reach(String start, Map<String, DecisionNode> byId, Map<String, String> meant) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            if (byId.get(id) instanceof Question q) {
                q.answers().forEach(a -> {
                    String target = meant.getOrDefault(a.target(), a.target());
                    if (byId.containsKey(target)) todo.push(target);
                });
            }
        }
        return seen;
    }

    /** Iterative depth-first search (no recursion, so a long chain cannot overflow the stack). */
    private static void findCycle(String start, Map<String, DecisionNode> byId, Diagnostics diagnostics) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{start, 0});
        state.put(start, 1);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            String id = (String) frame[0];
            int next = (Integer) frame[1];
            List<Answer> answers = byId.get(id) instanceof Question q ? q.answers() : List.of();
            if (next >= answers.size()) {
                state.put(id, 2);
                stack.pop();
                continue;
            }
            frame[1] = next + 1;
            Answer a = answers.get(next);
            if (!byId.containsKey(a.target())) continue;
            Integer s = state.get(a.target());
            if (s == null) {
                state.put(a.target(), 1);
                stack.push(new Object[]{a.target(), 0});
            } else if (s == 1) {
                diagnostics.error("tree-cycle", a.at(), "answer \"" + a.label() + "\" makes a cycle: #" + a.target() + " leads back to #" + id,
                        "a decision tree must always move forward; point this answer to a later question or an outcome");
            }
        }
    }
}
