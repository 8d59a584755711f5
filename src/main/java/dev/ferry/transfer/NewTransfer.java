package dev.ferry.transfer;

import java.nio.file.Path;

/**
 * What to add to the queue.
 *
 * @param size -1 when unknown (it is learned when the transfer starts)
 */
public record NewTransfer(String site, TransferDirection direction, boolean folder, String remotePath, Path localPath,
                          long size) {
    public static NewTransfer download(String site, String remotePath, Path localPath, long size) {
        return new NewTransfer(site, TransferDirection.DOWNLOAD, false, remotePath, localPath, size);
    }

    public static NewTransfer downloadFolder(String site, String remotePath, Path localFolder) {
        return new NewTransfer(site, TransferDirection.DOWNLOAD, true, remotePath, localFolder, -1);
    }

    public static NewTransfer upload(String site, Path localPath, String remotePath, long size) {
        return new NewTransfer(site, TransferDirection.UPLOAD, false, remotePath, localPath, size);
    }

    public static NewTransfer uploadFolder(String site, Path localFolder, String remotePath) {
        return new NewTransfer(site, TransferDirection.UPLOAD, true, remotePath, localFolder, -1);
    }
}
