package dev.ferry.sites.importers;

/**
 * An entry of an import file that Ferry does not import.
 *
 * @param name   the entry's name, with its folder ("Clients/Acme SFTP")
 * @param reason why, in plain words ("SFTP: Ferry connects over FTP and FTPS only")
 */
public record SkippedEntry(String name, String reason) {
}
