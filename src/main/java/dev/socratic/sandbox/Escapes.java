package dev.socratic.sandbox;

import dev.socratic.tutor.RunResult.Resource;

import java.util.Optional;

/**
 * Recognises, from the error GraalPy raises, code that reached outside the sandbox: each way out is
 * closed, and each closed door fails with its own error text.
 */
final class Escapes {

    private Escapes() {
    }

    static Optional<Resource> of(String type, String message) {
        if (type.equals("PermissionError") && message.contains("Operation not permitted")) {
            // open() and listdir() name the path they were refused; subprocess refusals name none
            return Optional.of(message.contains("'") ? Resource.FILES : Resource.PROCESSES);
        }
        if (message.endsWith("was excluded")) {
            // GraalPy's Java-based POSIX layer leaves sockets and name lookups out of a sandbox
            return Optional.of(Resource.NETWORK);
        }
        if (message.contains("Process creation is not allowed") || message.contains("POSIX backend")) {
            return Optional.of(Resource.PROCESSES);
        }
        if (message.contains("host lookup is not allowed") || message.contains("polyglot access is not allowed")
                || message.contains("host access")) {
            return Optional.of(Resource.HOST);
        }
        if (type.equals("ModuleNotFoundError") && message.contains("'_ctypes'")) {
            return Optional.of(Resource.NATIVE_CODE);
        }
        return Optional.empty();
    }

    /** "Type: message" as the harness reports an error raised in a test statement. */
    static Optional<Resource> ofDescribed(String error) {
        int colon = error.indexOf(':');
        return colon < 0 ? Optional.empty() : of(error.substring(0, colon), error.substring(colon + 1).strip());
    }
}
