package dev.socratic.curriculum;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures {@code check-curriculum} prints: concepts and question kinds, overall and per topic. */
public final class CurriculumStats {

    private CurriculumStats() {
    }

    public static String describe(Curriculum curriculum) {
        var text = new StringBuilder();
        int questions = 0;
        var allKinds = new EnumMap<CheckKind, Integer>(CheckKind.class);
        for (var topic : curriculum.topics()) {
            var kinds = new EnumMap<CheckKind, Integer>(CheckKind.class);
            for (var concept : topic.concepts()) {
                kinds.merge(concept.check().kind(), 1, Integer::sum);
                concept.quiz().forEach(item -> kinds.merge(item.kind(), 1, Integer::sum));
            }
            int count = kinds.values().stream().mapToInt(Integer::intValue).sum();
            questions += count;
            kinds.forEach((kind, n) -> allKinds.merge(kind, n, Integer::sum));
            text.append("topic %-28s %-13s concepts=%-3d questions=%-3d %s%n".formatted(
                    topic.id(), topic.track().name().toLowerCase().replace('_', '-'),
                    topic.concepts().size(), count, format(kinds)));
        }
        text.insert(0, "curriculum OK: %d topics, %d concepts, %d questions (checks and quiz items)%n"
                .formatted(curriculum.topics().size(), curriculum.size(), questions));
        text.append("kinds ").append(format(allKinds)).append(System.lineSeparator());
        return text.toString();
    }

    private static String format(Map<CheckKind, Integer> kinds) {
        return kinds.entrySet().stream()
                .map(entry -> entry.getKey().yamlName() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
