package dev.ferry.ui.commander;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import dev.ferry.fs.FileNames;
import dev.ferry.transfer.FileExistsPolicy;
import dev.ferry.transfer.TransferDirection;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.UserPrompt;
import dev.ferry.ui.FxBridge;

/**
 * The window's answer to "the target exists": a dialog with both files' sizes and times and the choices
 * of WinSCP and FileZilla, with "apply to all". Workers wait while it is open.
 */
public final class FileExistsQuestion implements UserPrompt {
    private final FxBridge bridge;
    private final java.util.function.Supplier<Window> owner;

    public FileExistsQuestion(FxBridge bridge, java.util.function.Supplier<Window> owner) {
        this.bridge = bridge;
        this.owner = owner;
    }

    @Override
    public CompletableFuture<FileExistsAnswer> fileExists(TransferSnapshot item, ExistingTarget target) {
        CompletableFuture<FileExistsAnswer> answer = new CompletableFuture<>();
        bridge.fx(() -> show(item, target, answer));
        return answer;
    }

    private void show(TransferSnapshot item, ExistingTarget target, CompletableFuture<FileExistsAnswer> answer) {
        List<FileExistsPolicy> choices = List.of(FileExistsPolicy.OVERWRITE, FileExistsPolicy.RESUME,
                FileExistsPolicy.OVERWRITE_IF_NEWER, FileExistsPolicy.RENAME, FileExistsPolicy.SKIP);
        ButtonType[] buttons = choices.stream()
                .map(p -> new ButtonType(label(p), p == FileExistsPolicy.SKIP ? ButtonBar.ButtonData.CANCEL_CLOSE
                        : ButtonBar.ButtonData.OTHER))
                .toArray(ButtonType[]::new);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, buttons);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        String name = item.direction() == TransferDirection.UPLOAD ? item.remotePath() : item.localPath();
        alert.setTitle("File exists");
        alert.setHeaderText(FileNames.printable(name) + " already exists");
        Label compare = new Label("Existing: " + describe(target.size(), target.modified()) + "\nNew:      "
                + describe(target.sourceSize(), target.sourceModified()));
        compare.setStyle("-fx-font-family: monospace;");
        CheckBox all = new CheckBox("Do the same for every file in the queue");
        all.setId("exists-apply-all");
        alert.getDialogPane().setContent(new VBox(10, compare, all));
        alert.setOnHidden(e -> {
            ButtonType chosen = alert.getResult();
            FileExistsPolicy policy = FileExistsPolicy.SKIP;
            for (int i = 0; i < buttons.length; i++) {
                if (buttons[i] == chosen) {
                    policy = choices.get(i);
                }
            }
            answer.complete(new FileExistsAnswer(policy, all.isSelected()));
        });
        alert.show();
    }

    private static String label(FileExistsPolicy p) {
        return switch (p) {
            case OVERWRITE -> "Overwrite";
            case RESUME -> "Resume";
            case OVERWRITE_IF_NEWER -> "If newer";
            case RENAME -> "Keep both";
            case SKIP -> "Skip";
            default -> p.name();
        };
    }

    private static String describe(long size, long modified) {
        String s = size < 0 ? "size unknown" : String.format("%,d bytes", size);
        return modified < 0 ? s : s + ", " + Instant.ofEpochMilli(modified).toString().replace('T', ' ')
                .replaceAll("\\.\\d+Z$", "Z");
    }
}
