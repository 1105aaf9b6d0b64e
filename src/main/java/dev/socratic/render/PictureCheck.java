package dev.socratic.render;

import dev.socratic.curriculum.Curriculum;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares the curriculum's diagrams with the pictures rendered from them. A picture is fresh when
 * the manifest records its diagram's current source hash and the PNG on disk is the one rendered.
 *
 * @param fresh the keys of pictures that may be shown
 */
public record PictureCheck(int diagrams, Set<String> fresh, List<Problem> problems) {

    /** The one command that brings every picture up to date. */
    public static final String RENDER_COMMAND = "scripts/render-diagrams.sh";

    public enum Kind { MISSING, STALE, DAMAGED, ORPHAN }

    public record Problem(String key, Kind kind, String detail) {
        @Override
        public String toString() {
            return switch (kind) {
                case MISSING -> key + ": no picture (" + detail + ")";
                case STALE -> key + ": the diagram changed since its picture was rendered (" + detail + ")";
                case DAMAGED -> key + ": the picture is not the one rendered: " + detail;
                case ORPHAN -> key + ": a picture of a diagram that is no longer in the curriculum";
            };
        }
    }

    public PictureCheck {
        fresh = Set.copyOf(fresh);
        problems = List.copyOf(problems);
    }

    /**
     * @param readPicture reads a file under the pictures folder by its relative path, e.g. {@code concepts/gil.png}
     */
    static PictureCheck run(Curriculum curriculum, PictureManifest manifest,
                            Function<String, Optional<byte[]>> readPicture) {
        var diagrams = Diagram.of(curriculum);
        var fresh = new HashSet<String>();
        var problems = new ArrayList<Problem>();
        var keys = new HashSet<String>();
        for (var diagram : diagrams) {
            keys.add(diagram.key());
            var entry = manifest.pictures().get(diagram.key());
            if (entry == null) {
                problems.add(new Problem(diagram.key(), Kind.MISSING, diagram.file()));
                continue;
            }
            if (!diagram.sourceSha256().equals(entry.sourceSha256())) {
                problems.add(new Problem(diagram.key(), Kind.STALE, diagram.file()));
                continue;
            }
            var bytes = readPicture.apply(diagram.key() + ".png");
            if (bytes.isEmpty()) {
                problems.add(new Problem(diagram.key(), Kind.MISSING, "the manifest names it but the file is gone"));
                continue;
            }
            var damage = damage(bytes.get(), entry);
            if (damage.isPresent()) {
                problems.add(new Problem(diagram.key(), Kind.DAMAGED, damage.get()));
                continue;
            }
            fresh.add(diagram.key());
        }
        manifest.pictures().keySet().stream().filter(key -> !keys.contains(key)).sorted()
                .forEach(key -> problems.add(new Problem(key, Kind.ORPHAN, "")));
        return new PictureCheck(diagrams.size(), fresh, problems);
    }

    private static Optional<String> damage(byte[] bytes, PictureManifest.Entry entry) {
        if (!Diagram.sha256(bytes).equals(entry.pngSha256())) {
            return Optional.of("its SHA-256 differs from the manifest's");
        }
        var png = Png.read(bytes);
        if (png.isEmpty()) {
            return Optional.of("not a PNG");
        }
        if (!png.get().fitsTelegram()) {
            return Optional.of(png.get().width() + "x" + png.get().height() + " px is a shape Telegram refuses");
        }
        return Optional.empty();
    }

    PictureCheck with(Problem problem) {
        var more = new ArrayList<>(problems);
        more.add(problem);
        return new PictureCheck(diagrams, fresh, more);
    }

    public boolean allFresh() {
        return problems.isEmpty();
    }

    /** One line per problem and what to run, for a test failure or the start-up log. */
    public String report() {
        if (allFresh()) {
            return fresh.size() + " of " + diagrams + " pictures up to date";
        }
        var text = new StringBuilder();
        text.append(fresh.size()).append(" of ").append(diagrams).append(" pictures up to date; ")
                .append(problems.size()).append(" problem(s):\n");
        problems.forEach(problem -> text.append("  ").append(problem).append('\n'));
        text.append("Render them with: ").append(RENDER_COMMAND).append(" (see README, 'Pictures')");
        return text.toString();
    }
}
