package dev.socratic.app;

/** A setting that cannot be used; the message starts with the variable's name. */
final class ConfigException extends RuntimeException {

    ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
    }
}
