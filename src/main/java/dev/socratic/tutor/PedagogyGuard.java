package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.VoiceRequest.Purpose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every draft of the voice against the teaching rules before a learner can see it. Pure and
 * deterministic: the same draft in the same context always gets the same verdict.
 */
public final class PedagogyGuard {

    /** About a phone screen: a reply longer than this is no longer a small chunk. */
    static final int MAX_WORDS = 180;
    /** "A few lines": more than this, when the learner is to write the code, is the solution. */
    static final int MAX_CODE_LINES = 4;
    /** A later concept counts as taught when the draft has this many of its own words... */
    static final int LATER_WORDS = 3;
    /** ...weighing at least this much (a word only that concept uses weighs 1). */
    static final double LATER_WEIGHT = 1.5;
    /** Share of a key point's words that, newly in the draft, gives that key point away. */
    static final double KEY_POINT_LEAK = 0.75;

    private static final Set<String> OUTPUT_CONNECTORS = Set.of("then", "and", "followed", "by", "newline",
            "new", "line", "next", "after", "that", "on", "a", "the", "second", "first", "prints", "print",
            "printed", "output", "outputs", "it", "is");
    private static final Set<String> OUTPUT_CUES = Set.of("print", "prints", "printed", "output", "outputs",
            "answer", "result", "shows", "displays", "gives", "returns", "get", "gets", "see");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\R+");
    private static final Pattern OUTPUT_TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+(?:[.\\-][\\p{L}\\p{N}_]+)*");

    private static final List<Pattern> PROGRESS_CLAIMS = patterns(
            "\\byou(?:'ve|’ve| have)\\s+(?:now\\s+|just\\s+|officially\\s+)?(?:mastered|completed|finished|passed"
                    + "|covered|learned|learnt|nailed|conquered|unlocked|earned|cleared|aced)\\b",
            "\\byou(?:'re|’re| are)\\s+(?:now\\s+)?(?:ready (?:for|to (?:move|advance|go))|done with"
                    + "|an expert|a master|fully)\\b",
            "\\b(?:let's|let’s|let us|we'll|we’ll|we will|now we|time to|ready to|we can)\\s+(?:now\\s+)?"
                    + "(?:move|go|jump|skip|proceed|head)\\s+(?:on|ahead|forward)\\b",
            "\\bon to the next\\b",
            "\\bnext (?:concept|topic|lesson|level|chapter|module|step) (?:is|will be)\\b",
            "\\b(?:level(?:ed)? up|achievement unlocked|badge|streak|xp|points? earned)\\b",
            "\\b\\d+\\s*(?:%|percent)\\s+(?:of|through|done|complete)",
            "\\b\\d+\\s+(?:of|out of)\\s+\\d+\\s+(?:concepts|topics|lessons|modules)\\b",
            "\\b(?:concept|topic|lesson|module|course|curriculum)\\s+(?:is\\s+)?(?:now\\s+)?"
                    + "(?:complete|completed|done|finished|mastered|unlocked)\\b",
            "\\bmark(?:ed|ing)?\\s+(?:it|this|that|you|the concept)\\s+(?:as\\s+)?(?:done|complete|mastered|passed)\\b");
    /** Saying an answer is right is grading; only the core grades, so it may only echo a correct verdict. */
    private static final List<Pattern> GRADING_CLAIMS = patterns(
            "(?:^|[.!?]\\s+|\\n)\\s*(?:yes|yep|correct|exactly|perfect|spot on|well done|great job|nice job"
                    + "|good job|bingo|nailed it|precisely)\\s*[!.,]",
            "\\b(?:that's|that’s|that is|this is|you're|you’re|you are|it's|it’s)\\s+(?:absolutely\\s+|exactly\\s+"
                    + "|totally\\s+|completely\\s+|100% )?(?:right|correct)\\s*[!.]",
            "\\byou(?:'ve|’ve| have)? got it\\b",
            "\\b(?:you|your answer|that|this)\\s+(?:is |are |'s |’s |'re |’re )?(?:the )?(?:correct|right) answer\\b",
            "\\b(?:you|your answer)\\s+(?:passed|pass(?:es)?|is correct|are correct)\\b");
    private static final List<Pattern> OUT_OF_ROLE = patterns(
            "\\bsystem prompt\\b",
            "\\b(?:my|the|these|those|your)\\s+(?:instructions|guidelines|rules|prompt)\\s+(?:say|says|tell|are|is|were"
                    + "|forbid|don't|do not)\\b",
            "\\bignor(?:e|es|ed|ing)\\s+(?:all\\s+|any\\s+|my\\s+|your\\s+|the\\s+|previous\\s+|prior\\s+|above\\s+"
                    + "|earlier\\s+|of\\s+)*(?:instructions|rules|guidelines|prompts?)\\b",
            "\\bas an (?:ai|llm|language model|assistant)\\b",
            "\\blanguage model\\b",
            "\\bdeveloper mode\\b",
            "\\bjailbr(?:eak|oken)\\b",
            "\\bno longer (?:bound|restricted)\\b",
            "\\b(?:new|updated|override) instructions\\b",
            "\\bdisregard(?:ing)?\\b",
            "\\bpretend(?:ing)? (?:to be|i am|i'm)\\b",
            "<\\|?(?:system|im_start|im_end)\\|?>|\\[/?(?:system|inst)]",
            "\\b(?:chatgpt|gpt-\\d\\w*|openai|anthropic|claude|llama)\\b");

    private final Curriculum curriculum;
    private final Grader grader;
    private final ConceptVocabulary vocabulary;
    private final Snippets snippets;
    private final Diagrams diagrams;

    /** A guard for a tutor that runs no code and draws no diagrams of the voice's. */
    public PedagogyGuard(Curriculum curriculum, Grader grader) {
        this(curriculum, grader, Snippets.NONE, Diagrams.NONE);
    }

    PedagogyGuard(Curriculum curriculum, Grader grader, Snippets snippets, Diagrams diagrams) {
        this.curriculum = curriculum;
        this.grader = grader;
        this.vocabulary = new ConceptVocabulary(curriculum);
        this.snippets = snippets;
        this.diagrams = diagrams;
    }

    /**
     * Every rule the draft breaks, in the order of {@link TeachingRule}; empty when it may be sent.
     * Deterministic for a given draft and context: the voice's snippets and diagrams are run and drawn
     * by a sandbox and a renderer that give the same result for the same source.
     */
    public List<Violation> check(String draft, GuardContext context) {
        // a diagram becomes a picture, not text: the text rules read the draft without it
        var split = Diagrams.split(draft);
        var blocks = DraftBlocks.parse(split.text());
        var text = DraftBlocks.text(blocks);
        var violations = new ArrayList<Violation>();
        oneConcept(text, context, violations);
        endsWithQuestion(blocks, context, violations);
        context.pending().ifPresent(question -> noAnswerLeak(text, blocks, question, context, violations));
        smallChunk(blocks, context, violations);
        noProgressClaim(text, context, violations);
        staysInRole(text, violations);
        // 7. A learner who thinks in pictures gets pictures, never diagram source.
        diagrams.check(split, context.purpose()).ifPresent(violations::add);
        // 8. The voice's code runs before anyone sees it, and its output is the run's.
        snippets.check(blocks, context).ifPresent(violations::add);
        return violations;
    }

    // 1. Substance of a concept not reached yet: many of its own (rare) words, or a phrase pasted from it.
    private void oneConcept(String text, GuardContext context, List<Violation> violations) {
        var reached = new HashSet<>(context.done());
        reached.add(context.conceptId());
        var known = new HashSet<>(vocabulary.wordsOf(reached));
        known.addAll(ContentWords.setOf(context.shown()));
        var knownPhrases = new HashSet<>(ContentWords.shingles(context.shown(), ConceptVocabulary.PHRASE));
        reached.forEach(id -> curriculum.concept(id).ifPresent(concept -> knownPhrases.addAll(
                ContentWords.shingles(ConceptVocabulary.substance(concept), ConceptVocabulary.PHRASE))));
        var words = ContentWords.setOf(text);
        var phrases = ContentWords.shingles(text, ConceptVocabulary.PHRASE);
        for (var concept : curriculum.concepts()) {
            if (reached.contains(concept.id())) {
                continue;
            }
            var pasted = vocabulary.sharedPhrases(phrases, concept.id(), knownPhrases);
            var overlap = vocabulary.overlap(words, concept.id(), known);
            if (!pasted.isEmpty()) {
                violations.add(new Violation(TeachingRule.ONE_CONCEPT,
                        "text of later concept '" + concept.id() + "': " + pasted.iterator().next()));
                return;
            }
            if (overlap.words().size() >= LATER_WORDS && overlap.score() >= LATER_WEIGHT) {
                violations.add(new Violation(TeachingRule.ONE_CONCEPT,
                        "material of later concept '" + concept.id() + "': " + String.join(", ", overlap.words())));
                return;
            }
        }
    }

    // 2. Hints and feedback end by asking; teaching and answers to questions get the check question after them.
    private static void endsWithQuestion(List<Block> blocks, GuardContext context, List<Violation> violations) {
        if (context.purpose() != Purpose.HINT && context.purpose() != Purpose.FEEDBACK) {
            return;
        }
        boolean asks = !blocks.isEmpty() && blocks.getLast() instanceof Paragraph last
                && last.text().strip().replaceAll("[\\s\"'’”)\\]*_\\p{So}\\p{Sk}]+$", "").endsWith("?");
        if (!asks) {
            violations.add(new Violation(TeachingRule.ENDS_WITH_QUESTION, "the draft does not end with a question"));
        }
    }

    // 3. Would the learner have the answer from the draft alone? Checked in several independent ways.
    private void noAnswerLeak(String text, List<Block> blocks, Question question, GuardContext context,
                              List<Violation> violations) {
        var leak = answerLeak(text, blocks, question, String.join("\n", context.shown(), context.learnerText(),
                question.prompt(), question.code()));
        if (!leak.isEmpty()) {
            violations.add(new Violation(TeachingRule.NO_ANSWER_LEAK, leak));
        }
    }

    private String answerLeak(String text, List<Block> blocks, Question question, String allowed) {
        // what the draft asserts, not what it asks: a guiding question names the things to think about,
        // which a lenient grader may take for an answer; a leak phrased as a question is left to the
        // key-point, phrase, output and code checks below, which read the whole draft
        var statements = statements(text);
        if (!statements.isBlank() && grader.grade(question, statements).isCorrect()
                && !grader.grade(question, allowed).isCorrect()) {
            return "the draft would pass as the answer";
        }
        var words = ContentWords.setOf(text);
        var allowedWords = ContentWords.setOf(allowed);
        for (var point : question.keyPoints()) {
            if (ContentWords.coverage(words, point) >= KEY_POINT_LEAK
                    && ContentWords.coverage(allowedWords, point) < KEY_POINT_LEAK) {
                return "states the key point '" + point + "'";
            }
        }
        var answerPhrases = ContentWords.shingles(question.answer(), ConceptVocabulary.PHRASE);
        answerPhrases.removeAll(ContentWords.shingles(allowed, ConceptVocabulary.PHRASE));
        answerPhrases.retainAll(ContentWords.shingles(text, ConceptVocabulary.PHRASE));
        if (!answerPhrases.isEmpty()) {
            return "quotes the model answer: " + answerPhrases.iterator().next();
        }
        if (question.kind() == CheckKind.PREDICT_OUTPUT
                && statesOutput(outputTokens(text), outputTokens(question.answer()))
                && !statesOutput(outputTokens(allowed), outputTokens(question.answer()))) {
            return "states the expected output";
        }
        if (sharesSolutionLines(blocks, question, allowed)) {
            return "contains lines of the model solution";
        }
        if (question.kind() == CheckKind.MULTIPLE_CHOICE && namesChoice(text, question.answer())) {
            return "names the right choice";
        }
        return "";
    }

    /** The sentences of {@code text} that do not end with a question mark. */
    static String statements(String text) {
        var kept = new StringBuilder();
        for (var sentence : SENTENCE_END.split(text)) {
            if (!sentence.strip().endsWith("?")) {
                kept.append(sentence.strip()).append(' ');
            }
        }
        return kept.toString().strip();
    }

    /** The output's tokens in order, with only connecting words ("then", "and") between them. */
    static boolean statesOutput(List<String> text, List<String> output) {
        if (output.isEmpty()) {
            return false;
        }
        for (int start = 0; start < text.size(); start++) {
            if (!text.get(start).equals(output.getFirst())) {
                continue;
            }
            if (output.size() == 1) {
                var before = text.subList(Math.max(0, start - 3), start);
                if (before.stream().anyMatch(OUTPUT_CUES::contains)) {
                    return true;
                }
                continue;
            }
            int at = start;
            int matched = 1;
            while (matched < output.size()) {
                int next = at + 1;
                while (next < text.size() && next - at <= 3 && !text.get(next).equals(output.get(matched))
                        && OUTPUT_CONNECTORS.contains(text.get(next))) {
                    next++;
                }
                if (next >= text.size() || !text.get(next).equals(output.get(matched))) {
                    break;
                }
                at = next;
                matched++;
            }
            if (matched == output.size()) {
                return true;
            }
        }
        return false;
    }

    static List<String> outputTokens(String text) {
        var tokens = new ArrayList<String>();
        var matcher = OUTPUT_TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** Two lines of a code answer (or its only line) in the draft, that the learner was not shown. */
    private static boolean sharesSolutionLines(List<Block> blocks, Question question, String allowed) {
        var solution = codeLines(question.answer());
        if (solution.isEmpty()) {
            return false;
        }
        solution.removeAll(codeLines(allowed));
        var draftLines = new HashSet<String>();
        for (var block : blocks) {
            draftLines.addAll(normalisedLines(block.text()));
        }
        long shared = solution.stream().filter(draftLines::contains).count();
        return shared >= 2 || (shared == 1 && solution.size() == 1);
    }

    private static Set<String> codeLines(String text) {
        var lines = new HashSet<String>();
        for (var line : text.split("\\R")) {
            if (DraftBlocks.CODE_LINE.matcher(line).find()) {
                var normalised = line.strip().replaceAll("\\s+", " ");
                if (normalised.length() >= 10) {
                    lines.add(normalised);
                }
            }
        }
        return lines;
    }

    private static Set<String> normalisedLines(String text) {
        var lines = new HashSet<String>();
        for (var line : text.split("\\R")) {
            lines.add(line.strip().replaceAll("\\s+", " "));
        }
        return lines;
    }

    private static boolean namesChoice(String text, String choice) {
        var quoted = Pattern.quote(choice.strip().toLowerCase(Locale.ROOT));
        return Pattern.compile("\\b(?:answer|correct|right one|it's|it is)\\W+(?:\\w+\\W+){0,3}" + quoted)
                .matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    // 4. A small chunk.
    private static void smallChunk(List<Block> blocks, GuardContext context, List<Violation> violations) {
        int words = DraftBlocks.proseWords(blocks);
        if (words > MAX_WORDS) {
            violations.add(new Violation(TeachingRule.SMALL_CHUNK, words + " words, more than " + MAX_WORDS));
            return;
        }
        boolean learnerWritesCode = context.pending().map(q -> q.kind() == CheckKind.WRITE_CODE).orElse(false);
        if (learnerWritesCode) {
            for (var block : blocks) {
                if (block instanceof Code code) {
                    long lines = code.text().lines().filter(line -> !line.isBlank()).count();
                    if (lines > MAX_CODE_LINES) {
                        violations.add(new Violation(TeachingRule.SMALL_CHUNK,
                                "a code block of " + lines + " lines while the learner is to write the code"));
                        return;
                    }
                }
            }
        }
    }

    // 5. Only the core grades and advances.
    private static void noProgressClaim(String text, GuardContext context, List<Violation> violations) {
        var lower = text.toLowerCase(Locale.ROOT);
        var claim = firstMatch(PROGRESS_CLAIMS, lower);
        if (claim.isEmpty() && context.purpose() != Purpose.CORRECT) {
            claim = firstMatch(GRADING_CLAIMS, lower);
        }
        if (!claim.isEmpty()) {
            violations.add(new Violation(TeachingRule.NO_PROGRESS_CLAIM, "claims: " + claim));
        }
    }

    // 6. An injection that worked shows in the draft: talk of instructions, prompts, roles.
    private static void staysInRole(String text, List<Violation> violations) {
        var echo = firstMatch(OUT_OF_ROLE, text.toLowerCase(Locale.ROOT));
        if (!echo.isEmpty()) {
            violations.add(new Violation(TeachingRule.STAYS_IN_ROLE, "says: " + echo));
        }
    }

    private static String firstMatch(List<Pattern> patterns, String text) {
        for (var pattern : patterns) {
            var matcher = pattern.matcher(text);
            if (matcher.find()) {
                return matcher.group().strip();
            }
        }
        return "";
    }

    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes).map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE)).toList();
    }
}
