package dev.ferry.testsupport;

import org.apache.ftpserver.DataConnectionConfiguration;
import org.apache.ftpserver.ssl.SslConfiguration;

import java.util.BitSet;

/**
 * Hands out passive ports from a fixed range without FtpServer's own check, which binds each port on
 * every address and so would collide with a {@link FaultProxy} listening on the same port numbers on
 * another loopback address. Everything else comes from the wrapped configuration.
 */
final class FixedPassivePorts implements DataConnectionConfiguration {
    private final DataConnectionConfiguration delegate;
    private final int from;
    private final BitSet used;
    private int next;

    FixedPassivePorts(DataConnectionConfiguration delegate, int from, int to) {
        this.delegate = delegate;
        this.from = from;
        this.used = new BitSet(to - from + 1);
        this.next = 0;
        this.size = to - from + 1;
    }

    private final int size;

    @Override
    public synchronized int requestPassivePort() {
        for (int i = 0; i < size; i++) {
            int candidate = (next + i) % size;
            if (!used.get(candidate)) {
                used.set(candidate);
                next = (candidate + 1) % size;
                return from + candidate;
            }
        }
        return -1;
    }

    @Override
    public synchronized void releasePassivePort(int port) {
        if (port >= from && port < from + size) {
            used.clear(port - from);
        }
    }

    @Override
    public String getPassivePorts() {
        return from + "-" + (from + size - 1);
    }

    @Override
    public int getIdleTime() {
        return delegate.getIdleTime();
    }

    @Override
    public boolean isActiveEnabled() {
        return delegate.isActiveEnabled();
    }

    @Override
    public boolean isActiveIpCheck() {
        return delegate.isActiveIpCheck();
    }

    @Override
    public String getActiveLocalAddress() {
        return delegate.getActiveLocalAddress();
    }

    @Override
    public int getActiveLocalPort() {
        return delegate.getActiveLocalPort();
    }

    @Override
    public String getPassiveAddress() {
        return delegate.getPassiveAddress();
    }

    @Override
    public String getPassiveExernalAddress() {
        return delegate.getPassiveExernalAddress();
    }

    @Override
    public boolean isPassiveIpCheck() {
        return delegate.isPassiveIpCheck();
    }

    @Override
    public SslConfiguration getSslConfiguration() {
        return delegate.getSslConfiguration();
    }

    @Override
    public boolean isImplicitSsl() {
        return delegate.isImplicitSsl();
    }
}
