package dev.waymark.content;

import com.vladsch.flexmark.util.ast.Node;
import dev.waymark.model.ChoiceKind;
import dev.waymark.model.ChoiceList;
import dev.waymark.model.DecisionNode;
import dev.waymark.model.Heading;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the structure reader found in one page's AST. The identity maps let the body renderer give each AST node the
 * id and role the model assigned to it, so ids are computed once and the rendered HTML never needs a second parse.
 *
 * @param headingIds    heading node to its id
 * @param choiceLists   bullet list node to its choice list
 * @param choiceItemIds list item node to its anchor id
 * @param directives    paragraph node to the directive it holds
 * @param decisionNodes decision nodes in source order (decision pages only)
 * @param regions       decision node id to the AST blocks of its section (heading first)
 * @param ids           every id the body defines
 * @param title         the title from a leading {@code # } heading, when the front matter has none
 */
public record PageStructure(List<Heading> headings, Map<Node, String> headingIds, List<ChoiceList> choiceList,
                            Map<Node, ChoiceList> choiceLists, Map<Node, String> choiceItemIds,
                            Map<Node, Directive> directives, List<DecisionNode> decisionNodes,
                            Map<String, List<Node>> regions, Set<String> ids, java.util.Optional<String> title) {
}
