package dev.ferry.security;

/**
 * How the vault's key is derived from the master password; recorded in the vault file with the salt, so a
 * file written with other parameters can still be opened.
 */
public sealed interface KdfParameters permits KdfParameters.Argon2id, KdfParameters.Pbkdf2Sha256 {
    /** The name recorded in the file. */
    String name();

    /**
     * What new vaults use: Argon2id with 64 MiB, 3 passes, 1 lane (about a second on a desktop; the OWASP
     * recommendations ask for at least 19 MiB and 2 passes).
     */
    static KdfParameters recommended() {
        return new Argon2id(64 * 1024, 3, 1);
    }

    /**
     * Argon2id (RFC 9106, version 0x13), through Bouncy Castle.
     *
     * @param memoryKiB   memory in KiB
     * @param iterations  passes over the memory
     * @param parallelism lanes
     */
    record Argon2id(int memoryKiB, int iterations, int parallelism) implements KdfParameters {
        public static final String NAME = "Argon2id";

        public Argon2id {
            if (parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2id parallelism must be 1 to 16, not " + parallelism);
            }
            if (memoryKiB < 8 * parallelism || memoryKiB > 1024 * 1024) {
                throw new IllegalArgumentException("Argon2id memory must be " + 8 * parallelism
                        + " KiB to 1 GiB, not " + memoryKiB + " KiB");
            }
            if (iterations < 1 || iterations > 64) {
                throw new IllegalArgumentException("Argon2id iterations must be 1 to 64, not " + iterations);
            }
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /**
     * PBKDF2 with HMAC-SHA256, through Bouncy Castle; OWASP asks for at least 600,000 iterations.
     *
     * @param iterations the iteration count
     */
    record Pbkdf2Sha256(int iterations) implements KdfParameters {
        public static final String NAME = "PBKDF2-HMAC-SHA256";

        public Pbkdf2Sha256 {
            if (iterations < 1 || iterations > 50_000_000) {
                throw new IllegalArgumentException("PBKDF2 iterations must be 1 to 50,000,000, not " + iterations);
            }
        }

        @Override
        public String name() {
            return NAME;
        }
    }
}
