package dev.waymark.render;

import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.fife.ui.rsyntaxtextarea.modes.*;

import javax.swing.text.Segment;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Map.entry;

/**
 * Build-time syntax highlighting of fenced code: each token becomes a {@code <span class="hl-…">} whose colour comes
 * from the theme's CSS, so pages need no client-side highlighter.
 *
 * <p>The lexers are RSyntaxTextArea's (BSD-3-Clause): JFlex-generated DFAs, one per language, used here without any
 * of its Swing editor. A lexer keeps state while it scans, so every rendering thread has its own (see {@link #lexer}).
 * A language this class does not know renders as plain escaped text.
 */
public final class CodeHighlighter {
    /** Fence info words (lower case) and the lexer each selects. TOML is lexed as INI: sections, keys and comments. */
    private static final Map<String, Supplier<TokenMaker>> LEXERS = Map.ofEntries(
            entry("python", PythonTokenMaker::new), entry("py", PythonTokenMaker::new), entry("python3", PythonTokenMaker::new),
            entry("sh", UnixShellTokenMaker::new), entry("bash", UnixShellTokenMaker::new), entry("shell", UnixShellTokenMaker::new),
            entry("zsh", UnixShellTokenMaker::new), entry("console", UnixShellTokenMaker::new),
            entry("yaml", YamlTokenMaker::new), entry("yml", YamlTokenMaker::new),
            entry("toml", IniTokenMaker::new), entry("ini", IniTokenMaker::new), entry("cfg", IniTokenMaker::new),
            entry("properties", PropertiesFileTokenMaker::new),
            entry("json", JsonTokenMaker::new), entry("jsonc", JsonTokenMaker::new), entry("json5", JsonTokenMaker::new),
            entry("dockerfile", DockerTokenMaker::new), entry("docker", DockerTokenMaker::new),
            entry("sql", SQLTokenMaker::new),
            entry("html", HTMLTokenMaker::new), entry("xml", XMLTokenMaker::new), entry("svg", XMLTokenMaker::new),
            entry("css", CSSTokenMaker::new), entry("less", LessTokenMaker::new),
            entry("javascript", JavaScriptTokenMaker::new), entry("js", JavaScriptTokenMaker::new),
            entry("mjs", JavaScriptTokenMaker::new), entry("jsx", JavaScriptTokenMaker::new),
            entry("typescript", TypeScriptTokenMaker::new), entry("ts", TypeScriptTokenMaker::new), entry("tsx", TypeScriptTokenMaker::new),
            entry("java", JavaTokenMaker::new), entry("kotlin", KotlinTokenMaker::new), entry("kt", KotlinTokenMaker::new),
            entry("groovy", GroovyTokenMaker::new), entry("scala", ScalaTokenMaker::new),
            entry("c", CTokenMaker::new), entry("cpp", CPlusPlusTokenMaker::new), entry("c++", CPlusPlusTokenMaker::new),
            entry("csharp", CSharpTokenMaker::new), entry("cs", CSharpTokenMaker::new),
            entry("go", GoTokenMaker::new), entry("rust", RustTokenMaker::new), entry("rs", RustTokenMaker::new),
            entry("ruby", RubyTokenMaker::new), entry("rb", RubyTokenMaker::new), entry("php", PHPTokenMaker::new),
            entry("perl", PerlTokenMaker::new), entry("lua", LuaTokenMaker::new), entry("dart", DartTokenMaker::new),
            entry("makefile", MakefileTokenMaker::new), entry("make", MakefileTokenMaker::new),
            entry("bat", WindowsBatchTokenMaker::new), entry("batch", WindowsBatchTokenMaker::new),
            entry("markdown", MarkdownTokenMaker::new), entry("md", MarkdownTokenMaker::new),
            entry("csv", CsvTokenMaker::new), entry("proto", ProtoTokenMaker::new), entry("protobuf", ProtoTokenMaker::new));

    /** Lexers are stateful while they scan, so each rendering thread has its own. */
    private final ThreadLocal<Map<String, TokenMaker>> perThread = ThreadLocal.withInitial(java.util.HashMap::new);

    /** The languages that get a lexer (lower-case fence names). */
    public static Set<String> languages() {
        return LEXERS.keySet();
    }

    /** Whether {@code language} (a fence's first word) has a lexer. */
    public static boolean knows(String language) {
        return LEXERS.containsKey(language.toLowerCase(Locale.ROOT));
    }

    /**
     * The inner HTML of a {@code <code>} element: {@code code} escaped, with tokens wrapped in spans when the
     * language is known, and the given 1-based lines wrapped in {@code <mark class="hl-line">}.
     */
    public String highlight(String code, String language, Set<Integer> markedLines) {
        TokenMaker tm = lexer(language.toLowerCase(Locale.ROOT));
        char[] chars = code.toCharArray();
        StringBuilder out = new StringBuilder(chars.length + chars.length / 2);
        int state = TokenTypes.NULL;
        int lineNo = 0;
        for (int start = 0; start < chars.length; ) {
            int end = start;
            while (end < chars.length && chars[end] != '\n') end++;
            lineNo++;
            boolean marked = markedLines.contains(lineNo);
            if (marked) out.append("<mark class=\"hl-line\">");
            state = tm == null ? escape(out, chars, start, end) : line(out, tm, chars, start, end, state);
            if (end < chars.length) out.append('\n');
            if (marked) out.append("</mark>");
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * This thread's lexer for a language, or null. Making a lexer costs far more than running it over a short block,
     * and a lexer resets itself at every line, so each render thread keeps one per language and reuses it.
     */
    private TokenMaker lexer(String language) {
        Supplier<TokenMaker> make = LEXERS.get(language);
        return make == null ? null : perThread.get().computeIfAbsent(language, l -> make.get());
    }

    /** Lexes one line (without its newline); returns the state the next line starts in. */
    private static int line(StringBuilder out, TokenMaker tm, char[] chars, int start, int end, int state) {
        Token t = tm.getTokenList(new Segment(chars, start, end - start), state, start);
        int last = TokenTypes.NULL;
        String open = null;
        for (; t != null; t = t.getNextToken()) {
            last = t.getType();
            if (!t.isPaintable()) continue;
            String cls = cssClass(t.getType());
            if (!java.util.Objects.equals(cls, open) && !(cls == null && t.getType() == TokenTypes.WHITESPACE && open != null)) {
                if (open != null) out.append("</span>");
                if (cls != null) out.append("<span class=\"").append(cls).append("\">");
                open = cls;
            }
            escape(out, t.getTextArray(), t.getTextOffset(), t.getTextOffset() + t.length());
        }
        if (open != null) out.append("</span>");
        // The last token's type carries a construct that spans lines (a string, a comment, embedded script).
        return last;
    }

    /**
     * A small, fixed set of classes keeps the markup light and the theme's palette short: comment, keyword, string,
     * number, function, type or tag, variable or attribute, and meta (annotations, preprocessor, sections).
     */
    static String cssClass(int type) {
        return switch (type) {
            case TokenTypes.COMMENT_EOL, TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION,
                 TokenTypes.COMMENT_KEYWORD, TokenTypes.COMMENT_MARKUP, TokenTypes.MARKUP_COMMENT -> "hl-c";
            case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2 -> "hl-k";
            case TokenTypes.FUNCTION -> "hl-f";
            case TokenTypes.LITERAL_BOOLEAN, TokenTypes.LITERAL_NUMBER_DECIMAL_INT, TokenTypes.LITERAL_NUMBER_FLOAT,
                 TokenTypes.LITERAL_NUMBER_HEXADECIMAL -> "hl-n";
            case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, TokenTypes.LITERAL_CHAR, TokenTypes.LITERAL_BACKQUOTE,
                 TokenTypes.REGEX, TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE, TokenTypes.MARKUP_CDATA,
                 TokenTypes.ERROR_STRING_DOUBLE, TokenTypes.ERROR_CHAR -> "hl-s";
            case TokenTypes.DATA_TYPE, TokenTypes.MARKUP_TAG_NAME, TokenTypes.MARKUP_TAG_DELIMITER -> "hl-t";
            case TokenTypes.VARIABLE, TokenTypes.MARKUP_TAG_ATTRIBUTE -> "hl-v";
            case TokenTypes.ANNOTATION, TokenTypes.PREPROCESSOR, TokenTypes.MARKUP_DTD,
                 TokenTypes.MARKUP_PROCESSING_INSTRUCTION, TokenTypes.MARKUP_CDATA_DELIMITER,
                 TokenTypes.MARKUP_ENTITY_REFERENCE -> "hl-m";
            default -> null; // identifiers, whitespace, operators, separators: the text colour
        };
    }

    private static int escape(StringBuilder out, char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = chars[i];
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(ch);
            }
        }
        return TokenTypes.NULL;
    }
}
