package dev.ferry.ui.session;

/** Whether what was typed as a host is a host name or address, and if not, what to type instead. */
final class HostCheck {
    private HostCheck() {
    }

    /** Why {@code typed} is not a host, or "" when it is one. */
    static String problem(String typed) {
        String h = typed == null ? "" : typed.strip();
        if (h.isEmpty()) {
            return "Enter the server's host name, such as ftp.example.org.";
        }
        int scheme = h.indexOf("://");
        if (scheme > 0) {
            return "Enter only the host name, without \"" + h.substring(0, scheme + 3) + "\": choose the mode above.";
        }
        int at = h.indexOf('@');
        if (at >= 0) {
            return "Enter only the host name; the user name goes under User.";
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!Character.isLetterOrDigit(c) && ".-_:[]".indexOf(c) < 0) {
                return "\"" + h + "\" is not a host name: enter only the name or address, such as ftp.example.org.";
            }
        }
        if (h.startsWith(".") || h.startsWith("-") || h.contains("..")) {
            return "\"" + h + "\" is not a host name: enter only the name or address, such as ftp.example.org.";
        }
        if (h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':') && !h.startsWith("[")) {
            return "Enter the port under Port, not after the host name.";
        }
        return "";
    }
}
