package dev.ferry.transfer;

import dev.ferry.engine.FtpConnectionException;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpSession;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle logged-in sessions per site, so that a worker moves from file to file without logging in
 * again. A session that broke is closed, never handed out again.
 */
final class ConnectionPool implements AutoCloseable {
    private static final Duration STALE = Duration.ofSeconds(60);
    private final Map<String, SiteConnector> sites;
    private final Map<String, Deque<FtpSession>> idle = new HashMap<>();

    ConnectionPool(Map<String, SiteConnector> sites) {
        this.sites = sites;
    }

    /** An idle session of {@code site}, or a new one. */
    FtpSession acquire(String site) throws FtpException {
        while (true) {
            FtpSession session;
            synchronized (this) {
                Deque<FtpSession> sessions = idle.get(site);
                session = sessions == null ? null : sessions.pollFirst();
            }
            if (session == null) {
                SiteConnector connector = sites.get(site);
                if (connector == null) {
                    throw new FtpConnectionException("no connection details for " + site, null);
                }
                return connector.open();
            }
            if (session.isOpen() && session.idleTime().compareTo(STALE) < 0) {
                return session;
            }
            try {
                if (session.isOpen()) {
                    session.noop();
                    return session;
                }
            } catch (FtpException e) {
                session.close();
            }
        }
    }

    /** Gives a healthy session back for the next file. */
    synchronized void release(String site, FtpSession session) {
        if (session.isOpen()) {
            idle.computeIfAbsent(site, k -> new ArrayDeque<>()).addFirst(session);
        }
    }

    /** Closes a session that failed. */
    void discard(FtpSession session) {
        if (session != null) {
            session.close();
        }
    }

    @Override
    public synchronized void close() {
        idle.values().forEach(d -> d.forEach(FtpSession::close));
        idle.clear();
    }
}
