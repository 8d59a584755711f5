package dev.ferry.ui.session;

import java.util.Optional;

import dev.ferry.engine.ProtocolLog;

/** Passes every line on to another log and keeps the server's greeting (the first {@code 220} line). */
final class GreetingLog implements ProtocolLog {
    private final ProtocolLog next;
    private volatile String greeting;

    GreetingLog(ProtocolLog next) {
        this.next = next;
    }

    @Override
    public void sent(String line) {
        next.sent(line);
    }

    @Override
    public void received(String line) {
        if (greeting == null && line.length() >= 4 && line.startsWith("220") && (line.charAt(3) == ' '
                || line.charAt(3) == '-')) {
            greeting = line.substring(4).strip();
        }
        next.received(line);
    }

    @Override
    public void note(String message) {
        next.note(message);
    }

    /** The text of the server's greeting ("vsFTPd 3.0.3"), once it arrived. */
    Optional<String> greeting() {
        return Optional.ofNullable(greeting).filter(s -> !s.isEmpty());
    }
}
