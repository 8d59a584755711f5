package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FxBridgeTest {
    private final FxBridge bridge = new FxBridge();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("bridge"), 200, 100));
        stage.show();
    }

    @Test
    void runsWorkInTheBackgroundAndTheResultOnTheFxThread() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        bridge.run(() -> Thread.currentThread().getName(),
                worker -> seen.complete(worker + "|" + Platform.isFxApplicationThread()),
                seen::completeExceptionally);
        String result = seen.get(5, TimeUnit.SECONDS);
        assertTrue(result.startsWith("ferry-ui-") && result.endsWith("|true"), result);
    }

    @Test
    void deliversTheCauseOfAFailureOnTheFxThread() throws Exception {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        bridge.run(() -> {
            throw new java.io.IOException("disk gone");
        }, value -> seen.complete(null), error -> seen.complete(Platform.isFxApplicationThread() ? error : null));
        Throwable error = seen.get(5, TimeUnit.SECONDS);
        assertInstanceOf(java.io.IOException.class, error);
        assertEquals("disk gone", error.getMessage());
    }
}
