package dev.ferry.ui.commander;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.fs.LocalFileSource;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.transfer.FileExistsPolicy;
import dev.ferry.transfer.QueueOptions;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.connect.ConnectRequest;
import dev.ferry.ui.connect.QuickConnectModel;

/** A commander window on a real local folder and a real in-process FTPS server, for TestFX tests. */
final class CommanderHarness implements AutoCloseable {
    final FxBridge bridge = new FxBridge();
    final TransferQueue queue;
    final CommanderModel model;
    final CommanderWindow window;
    final QuickConnectModel quickConnect = new QuickConnectModel();
    final TransferDefaults defaults = new TransferDefaults();
    private final FtpsServerExtension server;

    CommanderHarness(FtpsServerExtension server, Stage stage, Path localStart) {
        this.server = server;
        this.queue = new TransferQueue(QueueOptions.defaults().withFileExists(FileExistsPolicy.OVERWRITE)
                .withRetries(2, Duration.ofMillis(200)));
        this.queue.start();
        this.model = new CommanderModel(bridge, queue, new LocalFileSource(), Optional.of(localStart.toString()), this::settings, FtpSession::open,
                label -> dev.ferry.engine.ProtocolLog.none());
        this.window = new CommanderWindow(model, quickConnect, defaults, new Label("queue"), new Label("log"));
        Scene scene = new Scene(window, 1200, 760);
        stage.setScene(scene);
        stage.show();
    }

    private ConnectionSettings settings(ConnectRequest r, dev.ferry.engine.ProtocolLog log) {
        return ConnectionSettings.builder(r.host()).port(r.port()).mode(r.mode())
                .credentials(r.user(), r.password())
                .evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC()))
                .readTimeout(Duration.ofSeconds(10)).log(log).build();
    }

    ConnectRequest request(String user, String password) {
        return new ConnectRequest(server.host(), server.explicitPort(), dev.ferry.engine.FtpsMode.EXPLICIT, user,
                password);
    }

    @Override
    public void close() {
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(10_000, model::dispose);
        queue.close();
        bridge.close();
    }
}
