package dev.socratic.sandbox;

import org.graalvm.polyglot.HostAccess;

/** Where the tests are: the harness reports each statement before running it, so a timeout can name it. */
public final class TestProgress {

    private volatile String statement = "";

    /** Called from Python; the only member the sandbox exposes. */
    @HostAccess.Export
    public void at(String statement) {
        this.statement = statement == null ? "" : statement;
    }

    String statement() {
        return statement;
    }
}
