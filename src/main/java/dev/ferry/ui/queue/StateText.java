package dev.ferry.ui.queue;

import dev.ferry.transfer.TransferState;

import java.util.Locale;

/** A transfer state in words for the table, and as a CSS style class ("state-failed"). */
final class StateText {
    private StateText() {
    }

    static String of(TransferState state) {
        return switch (state) {
            case QUEUED -> "Queued";
            case CONNECTING -> "Connecting";
            case RUNNING -> "Transferring";
            case VERIFYING -> "Verifying";
            case DONE -> "Done";
            case PAUSED -> "Paused";
            case WAITING_FOR_USER -> "Needs an answer";
            case RETRY_WAIT -> "Retrying soon";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    static String styleClass(TransferState state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
