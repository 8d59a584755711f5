package dev.ferry.security;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vault's file, {@code secrets.json}: nothing in it is secret in clear.
 * <pre>{@code
 * {"version": 1, "cipher": "AES-256-GCM",
 *  "kdf": {"name": "Argon2id", "version": 19, "memoryKiB": 65536, "iterations": 3, "parallelism": 1, "salt": "…"},
 *  "verifier": {"nonce": "…", "ciphertext": "…"},
 *  "secrets": {"site:…:password": {"nonce": "…", "ciphertext": "…"}}}
 * }</pre>
 * Base64 throughout. The verifier is a known text sealed with the key, so a wrong master password is detected
 * without touching any secret. Each secret is sealed with its key name as associated data, so entries cannot
 * be swapped unnoticed.
 *
 * <p>Written to a temporary file (owner-only on POSIX), synced, then renamed over the old one. Unlike the other
 * JSON files it keeps <em>no</em> {@code .bak}: a backup would still open with a master password the user has
 * since replaced.
 *
 * @param secrets sealed secrets by key name, sorted
 */
record VaultFile(KdfParameters kdf, byte[] salt, AesGcm.Sealed verifier, Map<String, AesGcm.Sealed> secrets) {
    static final int VERSION = 1;
    static final String CIPHER = "AES-256-GCM";
    private static final int ARGON2_VERSION = 19;
    private static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    VaultFile {
        secrets = Collections.unmodifiableMap(new TreeMap<>(secrets));
    }

    /** This file with {@code secrets} instead. */
    VaultFile withSecrets(Map<String, AesGcm.Sealed> newSecrets) {
        return new VaultFile(kdf, salt, verifier, newSecrets);
    }

    /** Reads and checks the file, or says in words why it cannot be used. */
    static VaultFile read(Path file) throws VaultException {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw unreadable(name, "it is larger than any vault Ferry writes");
            }
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw unreadable(name, "it is not a JSON object");
            }
            int version = root.path("version").asInt(-1);
            if (version != VERSION) {
                throw unreadable(name, version > VERSION ? "it was written by a newer Ferry (version " + version + ")"
                        : "it has no valid \"version\" field");
            }
            if (!CIPHER.equals(root.path("cipher").asText())) {
                throw unreadable(name, "the cipher is not " + CIPHER);
            }
            JsonNode kdfNode = root.path("kdf");
            KdfParameters kdf = kdf(kdfNode);
            byte[] salt = bytes(kdfNode, "salt");
            if (salt.length < 16 || salt.length > 64) {
                throw new IllegalArgumentException("the salt must be 16 to 64 bytes long");
            }
            AesGcm.Sealed verifier = sealed(root.path("verifier"));
            Map<String, AesGcm.Sealed> secrets = new TreeMap<>();
            JsonNode secretsNode = root.path("secrets");
            if (!secretsNode.isObject()) {
                throw new IllegalArgumentException("\"secrets\" is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = secretsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                secrets.put(e.getKey(), sealed(e.getValue()));
            }
            return new VaultFile(kdf, salt, verifier, secrets);
        } catch (VaultException e) {
            throw e;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw unreadable(name, "it is not valid JSON" + where);
        } catch (IOException e) {
            throw new VaultException(name + " could not be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw unreadable(name, e.getMessage());
        }
    }

    private static VaultException unreadable(String name, String reason) {
        return new VaultException(name + " could not be read (" + reason + "). It was left as it is; to start again,"
                + " remove the stored passwords.");
    }

    private static KdfParameters kdf(JsonNode n) {
        String name = n.path("name").asText();
        if (KdfParameters.Argon2id.NAME.equals(name)) {
            if (n.path("version").asInt() != ARGON2_VERSION) {
                throw new IllegalArgumentException("unknown Argon2 version " + n.path("version"));
            }
            return new KdfParameters.Argon2id(number(n, "memoryKiB"), number(n, "iterations"), number(n, "parallelism"));
        }
        if (KdfParameters.Pbkdf2Sha256.NAME.equals(name)) {
            return new KdfParameters.Pbkdf2Sha256(number(n, "iterations"));
        }
        throw new IllegalArgumentException("unknown key derivation \"" + name + "\"");
    }

    private static int number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("the key derivation has no valid \"" + field + "\"");
        }
        return v.intValue();
    }

    private static AesGcm.Sealed sealed(JsonNode n) {
        return new AesGcm.Sealed(bytes(n, "nonce"), bytes(n, "ciphertext"));
    }

    private static byte[] bytes(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("a \"" + field + "\" is missing");
        }
        try {
            return Base64.getDecoder().decode(v.textValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a \"" + field + "\" is not Base64");
        }
    }

    /** Writes this file over {@code file}, atomically: the old file stays whole until the rename. */
    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("cipher", CIPHER);
        ObjectNode k = root.putObject("kdf");
        k.put("name", kdf.name());
        if (kdf instanceof KdfParameters.Argon2id a) {
            k.put("version", ARGON2_VERSION);
            k.put("memoryKiB", a.memoryKiB());
            k.put("iterations", a.iterations());
            k.put("parallelism", a.parallelism());
        } else if (kdf instanceof KdfParameters.Pbkdf2Sha256 p) {
            k.put("iterations", p.iterations());
        }
        k.put("salt", Base64.getEncoder().encodeToString(salt));
        put(root.putObject("verifier"), verifier);
        ObjectNode s = root.putObject("secrets");
        secrets.forEach((key, sealed) -> put(s.putObject(key), sealed));
        writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static void put(ObjectNode n, AesGcm.Sealed sealed) {
        n.put("nonce", Base64.getEncoder().encodeToString(sealed.nonce()));
        n.put("ciphertext", Base64.getEncoder().encodeToString(sealed.ciphertext()));
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        AtomicFiles.writePrivate(file, content);
    }

    static Path temporary(Path file) {
        return AtomicFiles.temporary(file);
    }

    @Override
    public String toString() {
        return "VaultFile[" + kdf + ", " + secrets.size() + " secrets]";
    }
}
