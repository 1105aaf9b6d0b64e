package dev.socratic.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where GraalPy unpacks its Python home (about 25 MB, once per version) when it first starts. By
 * default that is the user's cache folder; a service account often has none, so the tutor then
 * uses a folder beside its database, which is writable by definition.
 */
public final class ResourceCache {

    static final String PROPERTY = "polyglot.engine.userResourceCache";

    private ResourceCache() {
    }

    /** Sets the cache to {@code fallback} unless it is set already or the default place is writable. */
    public static void ensureWritable(Path fallback) {
        if (System.getProperty(PROPERTY) != null || isWritable(defaultFolder())) {
            return;
        }
        System.setProperty(PROPERTY, fallback.toAbsolutePath().toString());
    }

    private static Path defaultFolder() {
        var xdg = System.getenv("XDG_CACHE_HOME");
        var base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("org.graalvm.polyglot");
    }

    private static boolean isWritable(Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.isWritable(folder);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
