package dev.ferry.testsupport;

import dev.ferry.engine.ProtocolLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A protocol log that keeps what it is told, for assertions. */
public final class RecordingProtocolLog implements ProtocolLog {
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();

    @Override
    public void sent(String line) {
        sent.add(line);
        transcript.add("> " + line);
    }

    @Override
    public void received(String line) {
        received.add(line);
        transcript.add("< " + line);
    }

    @Override
    public void note(String message) {
        notes.add(message);
        transcript.add("* " + message);
    }

    public List<String> sent() {
        return List.copyOf(sent);
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    /** Commands ("> "), reply lines ("< ") and notes ("* ") in the order they went, came and were made. */
    public List<String> transcript() {
        return List.copyOf(transcript);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
