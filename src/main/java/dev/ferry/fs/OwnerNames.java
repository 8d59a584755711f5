package dev.ferry.fs;

import java.io.IOException;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.Map;

/** User and group names by numeric id, looked up once per listing instead of once per entry. */
final class OwnerNames {
    /** Finds the principal behind an id by reading one file that has it. */
    @FunctionalInterface
    interface Lookup {
        UserPrincipal principal() throws IOException;
    }

    private final Map<Integer, String> users = new HashMap<>();
    private final Map<Integer, String> groups = new HashMap<>();

    String user(int uid, Lookup lookup) {
        return name(users, uid, lookup);
    }

    String group(int gid, Lookup lookup) {
        return name(groups, gid, lookup);
    }

    private static String name(Map<Integer, String> names, int id, Lookup lookup) {
        String known = names.get(id);
        if (known != null) {
            return known;
        }
        String name;
        try {
            UserPrincipal principal = lookup.principal();
            name = principal == null ? Integer.toString(id) : principal.getName();
        } catch (IOException e) {
            name = Integer.toString(id);
        }
        names.put(id, name);
        return name;
    }
}
