package dev.ferry.app;

/**
 * Where the main window was and how big, in screen coordinates. {@code x} and {@code y} are NaN until the window
 * has been placed once (then the window centres itself). Whether the saved place is still on a screen is for the
 * window to check: monitors come and go.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 480;
    public static final double MIN_HEIGHT = 320;
    private static final double DEFAULT_WIDTH = 1200;
    private static final double DEFAULT_HEIGHT = 760;

    public WindowBounds {
        x = Double.isFinite(x) ? x : Double.NaN;
        y = Double.isFinite(y) ? y : Double.NaN;
        width = Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : DEFAULT_WIDTH;
        height = Double.isFinite(height) ? Math.max(MIN_HEIGHT, height) : DEFAULT_HEIGHT;
    }

    /** A first start: 1200 × 760, centred. */
    public static WindowBounds defaults() {
        return new WindowBounds(Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
    }

    /** Whether the window has a saved position (else it centres itself). */
    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    public WindowBounds withPosition(double x, double y) {
        return new WindowBounds(x, y, width, height, maximized);
    }

    public WindowBounds withSize(double width, double height) {
        return new WindowBounds(x, y, width, height, maximized);
    }

    public WindowBounds withMaximized(boolean maximized) {
        return new WindowBounds(x, y, width, height, maximized);
    }
}
