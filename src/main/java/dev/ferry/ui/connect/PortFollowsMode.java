package dev.ferry.ui.connect;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

import dev.ferry.engine.FtpsMode;

/**
 * The rule both connection forms share: the port follows the mode (21 Explicit, 990 Implicit) until the user
 * types a port of their own; typing the mode's own port (or clearing the field) hands it back to the mode.
 */
public final class PortFollowsMode {
    private final ObjectProperty<FtpsMode> mode;
    private final StringProperty port;
    private final BooleanProperty portTyped;
    private boolean settingPort;

    private PortFollowsMode(ObjectProperty<FtpsMode> mode, StringProperty port, BooleanProperty portTyped) {
        this.mode = mode;
        this.port = port;
        this.portTyped = portTyped;
    }

    /** Keeps {@code port} in step with {@code mode} while {@code portTyped} is false, and sets it when the user types. */
    public static void bind(ObjectProperty<FtpsMode> mode, StringProperty port, BooleanProperty portTyped) {
        PortFollowsMode rule = new PortFollowsMode(mode, port, portTyped);
        mode.addListener((o, was, now) -> rule.modeChanged(now));
        port.addListener((o, was, now) -> rule.portChanged(now));
    }

    private void modeChanged(FtpsMode now) {
        if (now != null && !portTyped.get()) {
            settingPort = true;
            try {
                port.set(String.valueOf(now.defaultPort()));
            } finally {
                settingPort = false;
            }
        }
    }

    private void portChanged(String now) {
        if (!settingPort && mode.get() != null) {
            String auto = String.valueOf(mode.get().defaultPort());
            portTyped.set(now != null && !now.isBlank() && !now.strip().equals(auto));
        }
    }
}
