package dev.socratic.curriculum;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Reads every topic file under a folder (or the copy inside the jar) and validates the graph. */
public final class CurriculumLoader {

    /** A file that is always in the curriculum folder, used to find the folder on the class path. */
    private static final String MARKER = "/curriculum/README.md";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public Curriculum load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CurriculumException(folder + ": not a readable folder");
        }
        var topics = new ArrayList<Topic>();
        for (var file : topicFiles(folder)) {
            topics.add(readTopic(file, folder.relativize(file).toString()));
        }
        if (topics.isEmpty()) {
            throw new CurriculumException(folder + ": no topic files (*.yaml) found");
        }
        CurriculumValidator.validate(topics);
        return new Curriculum(topics);
    }

    /** The curriculum packed into the jar at build time. */
    public Curriculum loadBundled() {
        var marker = CurriculumLoader.class.getResource(MARKER);
        if (marker == null) {
            throw new CurriculumException("no curriculum bundled in the jar");
        }
        try {
            var uri = marker.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return load(Path.of(uri).getParent());
            }
            try (var jar = FileSystems.newFileSystem(uri, Map.of())) {
                return load(jar.getPath("/curriculum"));
            } catch (FileSystemAlreadyExistsException alreadyOpen) {
                return load(FileSystems.getFileSystem(uri).getPath("/curriculum"));
            }
        } catch (URISyntaxException | IOException e) {
            throw new CurriculumException("cannot read the bundled curriculum: " + e.getMessage(), e);
        }
    }

    private static List<Path> topicFiles(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CurriculumException(folder + ": cannot list topic files: " + e.getMessage(), e);
        }
    }

    private Topic readTopic(Path file, String source) {
        TopicFile parsed;
        try {
            parsed = yaml.readValue(Files.readString(file), TopicFile.class);
        } catch (JacksonException e) {
            throw new CurriculumException(source + ": not a valid topic file: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new CurriculumException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (parsed == null || parsed.id() == null || parsed.id().isBlank()) {
            throw new CurriculumException(source + ": the topic has no id");
        }
        Track track;
        try {
            track = Track.fromYaml(parsed.track());
        } catch (IllegalArgumentException e) {
            throw new CurriculumException(source + ": " + e.getMessage());
        }
        var concepts = new ArrayList<Concept>();
        for (var concept : Objects.requireNonNullElse(parsed.concepts(), List.<ConceptFile>of())) {
            concepts.add(toConcept(concept, source));
        }
        if (concepts.isEmpty()) {
            throw new CurriculumException(source + ": the topic has no concepts");
        }
        return new Topic(parsed.id(), parsed.title(), track, parsed.diagram(), concepts, source);
    }

    private static Concept toConcept(ConceptFile file, String source) {
        if (file == null || file.id() == null || file.id().isBlank()) {
            throw new CurriculumException(source + ": a concept has no id");
        }
        if (file.check() == null) {
            throw CurriculumException.at(source, file.id(), "no check question");
        }
        var quiz = new ArrayList<Question>();
        for (var item : Objects.requireNonNullElse(file.quiz(), List.<QuestionFile>of())) {
            quiz.add(toQuestion(item, source, file.id()));
        }
        return new Concept(file.id(), file.title(), file.requires(), file.explain(), file.go(), file.diagram(),
                file.links(), toQuestion(file.check(), source, file.id()), quiz);
    }

    private static Question toQuestion(QuestionFile file, String source, String conceptId) {
        if (file == null) {
            throw CurriculumException.at(source, conceptId, "an empty question");
        }
        CheckKind kind;
        try {
            kind = CheckKind.fromYaml(file.kind());
        } catch (IllegalArgumentException e) {
            throw CurriculumException.at(source, conceptId, e.getMessage());
        }
        return new Question(kind, file.prompt(), file.code(), file.answer(), file.keyPoints(), file.hints(),
                file.choices(), file.tests(), file.requiresPackages());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TopicFile(String id, String title, String track, String diagram, List<ConceptFile> concepts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConceptFile(String id, String title, List<String> requires, String explain, String go, String diagram,
                       List<String> links, QuestionFile check, List<QuestionFile> quiz) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuestionFile(String kind, String prompt, String code, String answer, List<String> keyPoints,
                        List<String> hints, List<String> choices, String tests, List<String> requiresPackages) {
    }
}
