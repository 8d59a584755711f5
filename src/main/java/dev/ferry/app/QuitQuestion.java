package dev.ferry.app;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before the window closes while transfers are unfinished, as FileZilla and WinSCP do. */
final class QuitQuestion {
    static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType STAY = new ButtonType("Keep Ferry open", ButtonBar.ButtonData.CANCEL_CLOSE);

    private QuitQuestion() {
    }

    /** True when the user chose to quit; Esc or closing the question keeps Ferry open. On the FX thread. */
    static boolean confirm(Window owner, int unfinished) {
        Alert question = new Alert(Alert.AlertType.CONFIRMATION, null, QUIT, STAY);
        question.initOwner(owner);
        question.setTitle("Quit Ferry");
        question.setHeaderText(unfinished == 1 ? "A transfer is not finished." : unfinished + " transfers are not finished.");
        question.setContentText((unfinished == 1 ? "If you quit now, it stops where it is and continues"
                : "If you quit now, they stop where they are and continue")
                + " the next time Ferry starts. Nothing transferred so far is lost.");
        question.getDialogPane().setId("quit-dialog");
        ((Button) question.getDialogPane().lookupButton(QUIT)).setId("quit-confirm");
        ((Button) question.getDialogPane().lookupButton(STAY)).setId("quit-stay");
        return question.showAndWait().orElse(STAY) == QUIT;
    }
}
