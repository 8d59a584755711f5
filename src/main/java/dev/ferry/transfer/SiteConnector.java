package dev.ferry.transfer;

import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpSession;

/** Opens sessions to one site; the queue's connection pool calls it. */
@FunctionalInterface
public interface SiteConnector {
    FtpSession open() throws FtpException;
}
