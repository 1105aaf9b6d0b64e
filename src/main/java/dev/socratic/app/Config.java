package dev.socratic.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting, read once from the environment at start-up. A bad value fails here with the
 * variable's name; secrets are kept out of {@link #toString()}.
 *
 * @param curriculum    the curriculum folder, or empty for the copy inside the jar
 * @param allowedUsers  Telegram user ids allowed to use the bot; empty means anyone
 */
record Config(
        Optional<String> telegramToken,
        URI telegramApiUrl,
        Path database,
        Optional<Path> curriculum,
        Set<Long> allowedUsers,
        LlmProvider llm,
        Optional<String> llmModel,
        Optional<String> openAiKey,
        URI openAiBaseUrl,
        URI ollamaBaseUrl,
        Optional<String> anthropicKey,
        Optional<Path> mermaid,
        Optional<String> diagramLinks) {

    static final URI DEFAULT_TELEGRAM = URI.create("https://api.telegram.org");
    static final URI DEFAULT_OPENAI = URI.create("https://api.openai.com/v1");
    static final URI DEFAULT_OLLAMA = URI.create("http://localhost:11434");

    static Config fromEnvironment(Map<String, String> env) {
        var llm = value(env, "TUTOR_LLM").map(LlmProvider::parse).orElse(LlmProvider.NONE);
        var openAiKey = value(env, "OPENAI_API_KEY");
        var openAiBase = url(env, "OPENAI_BASE_URL", DEFAULT_OPENAI);
        var anthropicKey = value(env, "ANTHROPIC_API_KEY");
        // a self-hosted OpenAI-compatible server usually needs no key; OpenAI itself does
        if (llm == LlmProvider.OPENAI && openAiKey.isEmpty() && openAiBase.equals(DEFAULT_OPENAI)) {
            throw new ConfigException("OPENAI_API_KEY", "must be set when TUTOR_LLM=openai");
        }
        if (llm == LlmProvider.ANTHROPIC && anthropicKey.isEmpty()) {
            throw new ConfigException("ANTHROPIC_API_KEY", "must be set when TUTOR_LLM=anthropic");
        }
        return new Config(
                value(env, "TELEGRAM_BOT_TOKEN"),
                url(env, "TELEGRAM_API_URL", DEFAULT_TELEGRAM),
                value(env, "TUTOR_DB").map(Path::of).orElse(Path.of("data", "tutor.db")),
                curriculum(env),
                allowedUsers(env),
                llm,
                value(env, "TUTOR_LLM_MODEL"),
                openAiKey,
                openAiBase,
                url(env, "OLLAMA_BASE_URL", DEFAULT_OLLAMA),
                anthropicKey,
                mermaid(env),
                diagramLinks(env));
    }

    /**
     * The folder of the Mermaid renderer (scripts/render-diagrams) that draws the voice's diagrams:
     * TUTOR_MERMAID, else that folder when the tutor runs from the project; {@code off} for none.
     */
    private static Optional<Path> mermaid(Map<String, String> env) {
        var explicit = value(env, "TUTOR_MERMAID");
        if (explicit.filter("off"::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        if (explicit.isPresent()) {
            var folder = Path.of(explicit.get());
            if (!Files.isDirectory(folder)) {
                throw new ConfigException("TUTOR_MERMAID", "'" + explicit.get() + "' is not a folder (or say off)");
            }
            return Optional.of(folder);
        }
        var beside = Path.of("scripts", "render-diagrams");
        return Files.isDirectory(beside) ? Optional.of(beside) : Optional.empty();
    }

    /**
     * TUTOR_DIAGRAM_LINKS: the https address that a diagram's source (base64url) is appended to for a
     * public renderer's PNG, such as https://mermaid.ink/img/. Off by default: the source leaves the host.
     */
    private static Optional<String> diagramLinks(Map<String, String> env) {
        var base = value(env, "TUTOR_DIAGRAM_LINKS").filter(v -> !"off".equalsIgnoreCase(v));
        // url() checks it is an address at all (it has a value here, so no fallback is needed)
        if (base.isPresent() && !"https".equals(url(env, "TUTOR_DIAGRAM_LINKS", null).getScheme())) {
            throw new ConfigException("TUTOR_DIAGRAM_LINKS", "must be an https address (Telegram fetches the picture)");
        }
        return base;
    }

    boolean consoleMode() {
        return telegramToken.isEmpty();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static URI url(Map<String, String> env, String name, URI fallback) {
        var text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            var uri = new URI(text.get());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(name, "'" + text.get() + "' is not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(name, "'" + text.get() + "' is not a valid URL");
        }
    }

    private static Optional<Path> curriculum(Map<String, String> env) {
        var explicit = value(env, "TUTOR_CURRICULUM");
        if (explicit.isPresent()) {
            var folder = Path.of(explicit.get());
            if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
                throw new ConfigException("TUTOR_CURRICULUM", "'" + explicit.get() + "' is not a readable folder");
            }
            return Optional.of(folder);
        }
        var beside = Path.of("curriculum");
        return Files.isDirectory(beside) ? Optional.of(beside) : Optional.empty();
    }

    private static Set<Long> allowedUsers(Map<String, String> env) {
        var ids = new LinkedHashSet<Long>();
        for (var part : value(env, "TUTOR_ALLOWED_USERS").orElse("").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("TUTOR_ALLOWED_USERS", "'" + part.strip() + "' is not a Telegram user id (a number)");
            }
        }
        return Set.copyOf(ids);
    }

    @Override
    public String toString() {
        return "Config[telegram=" + (consoleMode() ? "off (console)" : telegramApiUrl) + ", db=" + database
                + ", curriculum=" + curriculum.map(Path::toString).orElse("bundled") + ", allowedUsers="
                + (allowedUsers.isEmpty() ? "anyone" : allowedUsers.size() + " ids") + ", llm=" + llm + "]";
    }
}
