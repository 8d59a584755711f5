package dev.ferry.ui;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.ferry.engine.FtpException;
import dev.ferry.fs.FileSourceException;

/** Turns a failure into a sentence for a person: what failed and why, never a stack trace. */
public final class Errors {
    private Errors() {
    }

    /**
     * @param what what was being done, such as "Listing /pub…" or "Connecting to example.org"
     */
    public static String describe(String what, Throwable error) {
        Throwable e = unwrap(error);
        String doing = what.endsWith("…") ? what.substring(0, what.length() - 1) : what;
        if (e instanceof FileSourceException) {
            return sentence(e.getMessage());
        }
        String why;
        if (e instanceof FtpException || e instanceof IOException) {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } else if (e instanceof CancellationException || e instanceof InterruptedException) {
            why = "it was cancelled";
        } else {
            why = "an unexpected error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
        return sentence(doing + " failed: " + why);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "Something went wrong.";
        }
        String s = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }
}
