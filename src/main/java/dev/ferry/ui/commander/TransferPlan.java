package dev.ferry.ui.commander;

import java.util.List;

import dev.ferry.fs.FileEntry;
import dev.ferry.transfer.TransferDirection;

/**
 * A copy or move the user asked for, before it is confirmed and queued.
 *
 * @param sources      what to transfer, from the source pane
 * @param targetFolder the folder on the other side, as proposed (the dialog may change it)
 * @param move         delete each source once its transfer is done
 */
public record TransferPlan(TransferDirection direction, List<FileEntry> sources, String targetFolder, boolean move) {
    public TransferPlan {
        sources = List.copyOf(sources);
    }

    /** "Upload 'a.txt'" or "Download 3 items": the dialog's heading. */
    public String describe() {
        String verb = (move ? "Move" : direction == TransferDirection.UPLOAD ? "Upload" : "Download");
        if (move) {
            verb += direction == TransferDirection.UPLOAD ? " to the server" : " from the server";
        }
        String what = sources.size() == 1
                ? "\"" + dev.ferry.fs.FileNames.printable(sources.get(0).name()) + "\""
                : sources.size() + " items";
        return verb + " " + what;
    }
}
