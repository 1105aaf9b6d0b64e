package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.review.Rating;
import dev.socratic.tutor.Event.Type;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The weekly recall summary: what was learned in the week, how reviews went, the streak, what is
 * due, the weakest concept, and a few recall questions to tap.
 */
public final class SummaryReport {

    /** Button data of a recall question: {@code recall:<item>:<concept id>}. */
    static final String RECALL_PREFIX = "recall:";
    static final int RECALL_QUESTIONS = 3;
    /** How far back a streak is looked for; a longer one is shown as at least this long. */
    static final int STREAK_LOOKBACK_DAYS = 366;
    private static final int MAX_CALLBACK_BYTES = 64;
    private static final int MAX_TITLES = 6;
    private static final int MAX_PROMPT = 120;
    private static final Set<Type> ACTIVITY = Set.of(Type.ANSWER_GRADED, Type.ANSWER_REVEALED, Type.QUIZ_ANSWERED);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final Curriculum curriculum;
    private final Messages messages;
    private final FsrsScheduler scheduler;
    private final EventLog log;

    public SummaryReport(Curriculum curriculum, Messages messages, FsrsScheduler scheduler, EventLog log) {
        this.curriculum = curriculum;
        this.messages = messages;
        this.scheduler = scheduler;
        this.log = log;
    }

    /**
     * The summary of the seven days up to {@code weekEnd}; the streak and what is due are as of
     * {@code now} (a summary sent late, after downtime, still shows what to do today).
     */
    public Message weekly(long learnerId, LearnerState state, Recall recall, Instant weekEnd, Instant now) {
        var zone = recall.schedule().zone();
        var covered = state.progress().done().stream().filter(id -> curriculum.concept(id).isPresent()).toList();
        var history = log.since(learnerId, now.minus(Duration.ofDays(STREAK_LOOKBACK_DAYS + 1)));
        var weekStart = weekEnd.minus(Duration.ofDays(7));
        var week = history.stream().filter(e -> e.at().isAfter(weekStart) && !e.at().isAfter(weekEnd)).toList();
        var deck = recall.deck();

        var blocks = new ArrayList<Block>();
        blocks.add(new Heading(messages.get("summary.title")));
        blocks.add(new Paragraph(messages.get("summary.period", DAY.format(weekEnd.atZone(zone)))));
        var lines = new ArrayList<String>();
        lines.add(learned(week));
        lines.add(accuracy(week));
        lines.add(streak(history, zone, now));
        // as /progress and /map say: due by its card, or revealed and not reviewed since
        var due = new LinkedHashSet<>(deck.due(covered, now));
        covered.stream().filter(state.progress().revealed()::contains).forEach(due::add);
        lines.add(due.isEmpty() ? messages.get("summary.due.none") : messages.get("summary.due", titles(List.copyOf(due))));
        deck.weakest(covered, now, scheduler).ifPresent(id -> {
            long percent = Math.round(100 * deck.recall(id, now, scheduler));
            if (percent < 100) { // all fresh: none is weakest
                lines.add(messages.get("summary.weakest", title(id), percent));
            }
        });
        // one bullet per fact, so the summary reads as a list on a phone
        blocks.add(new Paragraph(String.join("\n", lines.stream().map(line -> "• " + line).toList())));

        var questions = new ArrayList<String>();
        var buttons = new ArrayList<Button>();
        for (var id : recallConcepts(recall, covered, now)) {
            var concept = curriculum.require(id);
            int item = QuizItems.next(concept, deck.card(id));
            var data = RECALL_PREFIX + item + ":" + id;
            if (data.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
                continue; // Telegram refuses longer button data, and with it the whole summary
            }
            var question = QuizItems.item(concept, item).orElseThrow();
            int number = buttons.size() + 1;
            var prompt = shorten(question.prompt());
            questions.add("• " + number + ". " + concept.title() + ": " + prompt
                    + (question.hasCode() ? " " + messages.get("summary.recall.code") : ""));
            buttons.add(new Button(number + ". " + shorten(concept.title(), 40), data));
        }
        if (!questions.isEmpty()) {
            blocks.add(new Paragraph(messages.get("summary.recall") + "\n" + String.join("\n", questions)));
        }
        if (state instanceof AwaitingAnswer awaiting) {
            curriculum.concept(awaiting.conceptId())
                    .ifPresent(c -> blocks.add(new Paragraph(messages.get("summary.pending", c.title()))));
        }
        blocks.add(new Paragraph(messages.get(questions.isEmpty() ? "summary.ask.quiz" : "summary.ask")));
        return new Message(blocks, buttons);
    }

    /** Due concepts first (most overdue first), then the least well remembered, up to three. */
    private List<String> recallConcepts(Recall recall, List<String> covered, Instant now) {
        var deck = recall.deck();
        var chosen = new LinkedHashSet<>(deck.due(covered, now));
        covered.stream()
                .sorted(Comparator.comparingDouble(id -> deck.recall(id, now, scheduler)))
                .forEach(chosen::add);
        return chosen.stream().limit(RECALL_QUESTIONS).toList();
    }

    private String learned(List<EventLog.Logged> week) {
        var learned = new LinkedHashSet<String>();
        for (var logged : week) {
            var event = logged.event();
            boolean covered = event.type() == Type.ANSWER_REVEALED
                    || event.type() == Type.ANSWER_GRADED && Verdict.Grade.CORRECT.name().equals(event.detail());
            if (covered && curriculum.concept(event.conceptId()).isPresent()) {
                learned.add(event.conceptId());
            }
        }
        return learned.isEmpty() ? messages.get("summary.learned.none")
                : messages.get("summary.learned", learned.size(), titles(List.copyOf(learned)));
    }

    private String accuracy(List<EventLog.Logged> week) {
        var quizzes = week.stream().filter(e -> e.event().type() == Type.QUIZ_FINISHED).toList();
        if (quizzes.isEmpty()) {
            return messages.get("summary.accuracy.none");
        }
        long recalled = quizzes.stream().filter(e -> !Rating.AGAIN.name().equals(e.event().detail())).count();
        return messages.get("summary.accuracy", recalled, quizzes.size(), Math.round(100.0 * recalled / quizzes.size()));
    }

    private String streak(List<EventLog.Logged> history, ZoneId zone, Instant now) {
        var days = new TreeSet<LocalDate>();
        history.stream()
                .filter(e -> ACTIVITY.contains(e.event().type()) && !e.at().isAfter(now))
                .forEach(e -> days.add(e.at().atZone(zone).toLocalDate()));
        int streak = streakDays(days, now.atZone(zone).toLocalDate());
        return switch (streak) {
            case 0 -> messages.get("summary.streak.none");
            case 1 -> messages.get("summary.streak.one");
            default -> messages.get("summary.streak", streak);
        };
    }

    /**
     * Consecutive active days ending today, or yesterday: today's streak is not broken until the day
     * is over.
     */
    static int streakDays(Set<LocalDate> activeDays, LocalDate today) {
        var day = activeDays.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (activeDays.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private String titles(List<String> ids) {
        var names = ids.stream().limit(MAX_TITLES).map(this::title).toList();
        var joined = String.join(", ", names);
        return ids.size() > MAX_TITLES ? messages.get("summary.more", joined, ids.size() - MAX_TITLES) : joined;
    }

    private String title(String id) {
        return curriculum.concept(id).map(Concept::title).orElse(id);
    }

    private static String shorten(String text) {
        var firstParagraph = text.strip().split("\\n\\s*\\n", 2)[0].replaceAll("\\s+", " ");
        return shorten(firstParagraph, MAX_PROMPT);
    }

    /** At most {@code max} characters, cut after a whole word where there is one in the second half. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        var cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }
}
