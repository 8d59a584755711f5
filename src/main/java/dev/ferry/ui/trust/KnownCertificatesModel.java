package dev.ferry.ui.trust;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.ferry.security.KnownCertificate;
import dev.ferry.security.KnownCertificates;
import dev.ferry.ui.Errors;
import dev.ferry.ui.FxBridge;

/**
 * The known-certificates list in settings: the pins of {@code known-certs.json}, read and changed on a
 * background thread, and a problem in words when the file cannot be read or written.
 */
public final class KnownCertificatesModel {
    private final FxBridge bridge;
    private final KnownCertificates store;
    private final ObservableList<KnownCertificate> certificates = FXCollections.observableArrayList();
    private final ObservableList<KnownCertificate> readOnly = FXCollections.unmodifiableObservableList(certificates);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public KnownCertificatesModel(FxBridge bridge, KnownCertificates store) {
        this.bridge = bridge;
        this.store = store;
    }

    /** The pins, sorted by host and port. */
    public ObservableList<KnownCertificate> certificates() {
        return readOnly;
    }

    /** Why the list could not be read or changed; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the file is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the file again. */
    public void reload() {
        busy.set(true);
        bridge.run(store::list, this::show, error -> failed("Reading the known certificates", error));
    }

    /** Forgets the pin: the next connection to that server asks again. */
    public void remove(KnownCertificate pin) {
        busy.set(true);
        bridge.run(() -> {
            store.remove(pin.host(), pin.port());
            return store.list();
        }, this::show, error -> failed("Removing the certificate of " + pin.server(), error));
    }

    private void show(List<KnownCertificate> list) {
        busy.set(false);
        problem.set("");
        certificates.setAll(list);
    }

    private void failed(String what, Throwable error) {
        busy.set(false);
        problem.set(error instanceof dev.ferry.security.KnownCertificatesException ? error.getMessage()
                : Errors.describe(what, error));
    }
}
