package dev.ferry.ui.commander;

import dev.ferry.transfer.FileExistsPolicy;

/**
 * What the user confirmed in the transfer dialog.
 *
 * @param dontAskAgain skip the dialog from now on (kept in settings)
 */
public record TransferChoice(String targetFolder, FileExistsPolicy fileExists, boolean keepTimestamps,
                             boolean dontAskAgain) {
}
