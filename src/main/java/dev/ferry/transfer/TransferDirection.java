package dev.ferry.transfer;

/** Which way a transfer goes. */
public enum TransferDirection {
    UPLOAD, DOWNLOAD
}
