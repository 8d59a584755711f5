package dev.ferry.ui.connect;

import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.ferry.engine.FtpsMode;

/**
 * The quick-connect bar's fields. The port follows the mode (21 Explicit, 990 Implicit) until the user
 * types a port of their own.
 */
public final class QuickConnectModel {
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(FtpsMode.EXPLICIT.defaultPort()));
    private final ObjectProperty<FtpsMode> mode = new SimpleObjectProperty<>(FtpsMode.EXPLICIT);
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty portTyped = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public QuickConnectModel() {
        PortFollowsMode.bind(mode, port, portTyped);
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<FtpsMode> modeProperty() {
        return mode;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Whether the user typed a port, so that changing the mode leaves it alone. */
    public BooleanProperty portTypedProperty() {
        return portTyped;
    }

    /** Why the fields cannot be used, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The checked request, or empty with {@link #problemProperty()} saying what to fix. */
    public Optional<ConnectRequest> request() {
        String h = host.get() == null ? "" : host.get().strip();
        if (h.isEmpty()) {
            return fail("Enter the server's host name.");
        }
        if (h.contains(" ") || h.contains("/")) {
            return fail("\"" + h + "\" is not a host name; enter only the name, such as ftp.example.org.");
        }
        int p;
        try {
            p = Integer.parseInt(port.get() == null ? "" : port.get().strip());
        } catch (NumberFormatException e) {
            return fail("The port must be a number from 1 to 65535.");
        }
        if (p < 1 || p > 65535) {
            return fail("The port must be a number from 1 to 65535.");
        }
        String u = user.get() == null || user.get().isBlank() ? "anonymous" : user.get().strip();
        String pw = password.get() == null ? "" : password.get();
        problem.set("");
        return Optional.of(new ConnectRequest(h, p, mode.get(), u, pw));
    }

    private Optional<ConnectRequest> fail(String why) {
        problem.set(why);
        return Optional.empty();
    }
}
