package dev.socratic.curriculum;

/** A curriculum that cannot be used; the message names the file and, where known, the concept. */
public final class CurriculumException extends RuntimeException {

    public CurriculumException(String message) {
        super(message);
    }

    public CurriculumException(String message, Throwable cause) {
        super(message, cause);
    }

    static CurriculumException at(String source, String conceptId, String problem) {
        var where = conceptId == null ? source : source + ", concept '" + conceptId + "'";
        return new CurriculumException(where + ": " + problem);
    }
}
