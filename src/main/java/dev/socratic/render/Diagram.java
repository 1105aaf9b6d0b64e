package dev.socratic.render;

import dev.socratic.curriculum.Curriculum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Mermaid diagram of the curriculum and the key its picture goes by: {@code topics/<id>} or
 * {@code concepts/<id>}. The source is as the loader hands it over (stripped), which is exactly what
 * scripts/render-diagrams hashes.
 */
record Diagram(String key, String source, String file) {

    static List<Diagram> of(Curriculum curriculum) {
        var diagrams = new ArrayList<Diagram>();
        for (var topic : curriculum.topics()) {
            if (!topic.diagram().isEmpty()) {
                diagrams.add(new Diagram(topicKey(topic.id()), topic.diagram(), topic.source()));
            }
            for (var concept : topic.concepts()) {
                if (!concept.diagram().isEmpty()) {
                    diagrams.add(new Diagram(conceptKey(concept.id()), concept.diagram(), topic.source()));
                }
            }
        }
        return diagrams;
    }

    static String topicKey(String id) {
        return "topics/" + id;
    }

    static String conceptKey(String id) {
        return "concepts/" + id;
    }

    String sourceSha256() {
        return sha256(source.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
