package dev.socratic.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite file: WAL, foreign keys, a busy timeout, migrations at open. One writing connection,
 * used by one thread at a time (SQLite serialises writers anyway, and a turn's transaction is
 * short), and a few reading ones: in WAL mode readers never wait for the writer, so loading a
 * learner or looking at the outbox does not queue behind other learners' commits.
 */
public final class Database implements AutoCloseable {

    private static final int READERS = 4;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final BlockingQueue<Connection> readers;

    private Database(Connection connection, BlockingQueue<Connection> readers) {
        this.connection = connection;
        this.readers = readers;
    }

    public static Database open(Path file) {
        try {
            var parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            var url = "jdbc:sqlite:" + file.toAbsolutePath();
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            var config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // NORMAL in WAL mode survives a killed process; only a power cut can lose the last commits
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            var connection = config.createConnection(url);
            var readers = new ArrayBlockingQueue<Connection>(READERS);
            for (int i = 0; i < READERS; i++) {
                readers.add(config.createConnection(url));
            }
            return new Database(connection, readers);
        } catch (IOException | SQLException | FlywayException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs read-only {@code work} on a reading connection, as one snapshot. It sees every commit
     * made before it started; anything it decides must be checked again when written (the versions
     * and statuses the writes compare against do that).
     */
    public <T> T read(SqlWork<T> work) {
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        }
        try {
            reader.setAutoCommit(false);
            try {
                return work.run(reader);
            } finally {
                reader.rollback();
                reader.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            readers.add(reader);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                var result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (var reader : readers) {
                reader.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
