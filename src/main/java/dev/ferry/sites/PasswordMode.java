package dev.ferry.sites;

/** How a site's password is supplied. */
public enum PasswordMode {
    /** Kept encrypted in the secret vault (never in {@code sites.json}). */
    STORED,
    /** Asked every time the site is connected. */
    ASK,
    /** Anonymous login: user {@code anonymous}, no secret. */
    ANONYMOUS
}
