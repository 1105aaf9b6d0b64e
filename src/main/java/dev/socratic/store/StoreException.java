package dev.socratic.store;

/** The database failed; the message says what it was doing. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
