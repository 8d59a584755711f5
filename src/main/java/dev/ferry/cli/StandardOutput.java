package dev.ferry.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The command line's standard output: a {@link PrintStream}, as commands print lines to it, that also
 * keeps why a write failed. A plain PrintStream swallows the error, so {@code ferry get URL - > file} on a
 * full disk would exit 0 with the data lost.
 */
final class StandardOutput extends PrintStream {
    private final Recorder recorder;

    private StandardOutput(Recorder recorder, Charset charset) {
        super(new BufferedOutputStream(recorder, 1 << 16), false, charset);
        this.recorder = recorder;
    }

    /** The process's standard output, in the character set {@code System.out} would use. */
    static StandardOutput ofProcess() {
        return new StandardOutput(new Recorder(new FileOutputStream(FileDescriptor.out)), charsetOfSystemOut());
    }

    /** Standard output written to {@code target} (tests give a failing one). */
    static StandardOutput of(OutputStream target) {
        return new StandardOutput(new Recorder(target), Charset.defaultCharset());
    }

    private static Charset charsetOfSystemOut() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** Why a write failed, after {@link #checkError()} said one did; empty where the reason is not known. */
    static Optional<IOException> failureOf(PrintStream out) {
        return out instanceof StandardOutput s ? Optional.ofNullable(s.recorder.failure) : Optional.empty();
    }

    /**
     * {@code out} as a stream for file contents: a write that fails throws at once, so a download to a
     * closed pipe or a full disk stops instead of reading the rest of the file into nowhere.
     */
    static OutputStream forData(PrintStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                if (out.checkError()) {
                    throw new WriteFailed(failureOf(out));
                }
            }

            @Override
            public void flush() throws IOException {
                write(new byte[0], 0, 0);
            }
        };
    }

    /** Standard output could not be written: the disk behind it is full, or the reader closed the pipe. */
    static final class WriteFailed extends IOException {
        WriteFailed(Optional<IOException> why) {
            super("cannot write to standard output" + why.map(e -> ": " + e.getMessage()).orElse(""), why.orElse(null));
        }

        /** The reader went away ({@code ferry ls | head}): it has what it wanted, so nothing needs saying. */
        boolean readerLeft() {
            return getCause() != null && "Broken pipe".equals(getCause().getMessage());
        }
    }

    private static final class Recorder extends OutputStream {
        private final OutputStream target;
        private volatile IOException failure;

        Recorder(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                target.write(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                target.flush();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }
}
