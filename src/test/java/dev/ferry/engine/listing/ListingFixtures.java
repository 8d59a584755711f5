package dev.ferry.engine.listing;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class ListingFixtures {
    /** "Now" for every test: mid-June 2024, so Jan-Jun dates without a year are this year's. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);

    private ListingFixtures() {
    }

    static UnixListParser unix() {
        return new UnixListParser(CLOCK, ZoneOffset.UTC);
    }

    static WindowsListParser windows() {
        return new WindowsListParser(ZoneOffset.UTC);
    }

    static Instant utc(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    /** A recorded listing as the data connection delivered it: CRLF lines, split at LF only. */
    static List<String> recorded(String name) {
        try (InputStream in = ListingFixtures.class.getResourceAsStream("/listings/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded listing " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            if (lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps every message logged to it, formatted. */
    static final class RecordingLogger extends LegacyAbstractLogger {
        final List<String> warnings = new ArrayList<>();
        final List<String> others = new ArrayList<>();

        RecordingLogger() {
            this.name = "recording";
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                                                   Throwable throwable) {
            String text = MessageFormatter.basicArrayFormat(message, arguments);
            (level == Level.WARN ? warnings : others).add(text);
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
