package org.vidiverse.storage.internal;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.persistence.EntityExistsException;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.vidiverse.api.store.DuplicateException;

/** Helpers around JDBC errors that the stores turn into api exceptions. */
final class Sql {
    private Sql() {
    }

    /**
     * Flushes so that generated ids are assigned and constraint violations surface inside the caller's
     * transaction, where they become a {@link DuplicateException} and the whole transaction rolls back.
     */
    static void flush(EntityManager em, String what) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateException(what + " already exists");
            }
            throw e;
        }
    }

    /** {@code text} for a {@code LIKE ... ESCAPE '!'} pattern: its {@code %}, {@code _} and {@code !} match themselves. */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** SQLState class 23 is "integrity constraint violation" on every database we run on. */
    static boolean isUniqueViolation(Throwable error) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof EntityExistsException) {
                return true;
            }
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                    return true;
                }
            }
        }
        return false;
    }
}
