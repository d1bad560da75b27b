package dev.waymark.model;

/** Which way a choice list points. The anchor prefix and the label follow from it. */
public enum ChoiceKind {
    RIGHT("right", "Right choice"), WRONG("wrong", "Wrong choice");

    private final String prefix;
    private final String label;

    ChoiceKind(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }
}
