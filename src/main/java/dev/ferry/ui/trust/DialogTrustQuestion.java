package dev.ferry.ui.trust;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.stage.Window;

import dev.ferry.security.TrustAnswer;
import dev.ferry.security.TrustAssessment;
import dev.ferry.security.TrustQuestion;
import dev.ferry.ui.FxBridge;

/**
 * The window's answer to "trust this certificate?": the {@link CertificateDialog} on the FX thread, while the
 * connection's thread waits for the future.
 */
public final class DialogTrustQuestion implements TrustQuestion {
    private final FxBridge bridge;
    private final Supplier<Window> owner;
    private final Clock clock;

    public DialogTrustQuestion(FxBridge bridge, Supplier<Window> owner, Clock clock) {
        this.bridge = bridge;
        this.owner = owner;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<TrustAnswer> ask(TrustAssessment assessment) {
        CompletableFuture<TrustAnswer> answer = new CompletableFuture<>();
        bridge.fx(() -> {
            try {
                CertificateDialog dialog = new CertificateDialog(owner.get(),
                        new CertificateViewModel(assessment, CertificateViewModel.Purpose.ASK, clock));
                dialog.setOnHidden(e -> answer.complete(dialog.getResult() == null ? TrustAnswer.CANCEL : dialog.getResult()));
                dialog.show();
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }
}
