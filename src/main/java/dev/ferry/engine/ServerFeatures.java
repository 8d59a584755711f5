package dev.ferry.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the server said it supports in its {@code FEAT} reply (RFC 2389). */
public final class ServerFeatures {
    private final Map<String, String> features;

    private ServerFeatures(Map<String, String> features) {
        this.features = Collections.unmodifiableMap(features);
    }

    /** No features known (the server does not answer FEAT). */
    public static ServerFeatures none() {
        return new ServerFeatures(Map.of());
    }

    /** Parses a FEAT reply: one feature a line, each line starting with a space, parameters after the name. */
    public static ServerFeatures parse(FtpReply reply) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!reply.isPositive()) {
            return new ServerFeatures(map);
        }
        for (int i = 1; i < reply.lines().size() - 1; i++) {
            String line = reply.lines().get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String name = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String params = space < 0 ? "" : line.substring(space + 1).strip();
            map.put(name, params);
        }
        return new ServerFeatures(map);
    }

    public boolean supports(String feature) {
        return features.containsKey(feature.toUpperCase(Locale.ROOT));
    }

    /** The parameters after a feature's name ({@code MLST type*;size*;} gives {@code type*;size*;}). */
    public Optional<String> parameters(String feature) {
        return Optional.ofNullable(features.get(feature.toUpperCase(Locale.ROOT)));
    }

    /** Whether {@code REST STREAM} is offered, so transfers can resume. */
    public boolean supportsResume() {
        return parameters("REST").map(p -> p.toUpperCase(Locale.ROOT).contains("STREAM")).orElse(false);
    }

    public Map<String, String> asMap() {
        return features;
    }

    @Override
    public String toString() {
        return String.join(", ", features.keySet());
    }
}
