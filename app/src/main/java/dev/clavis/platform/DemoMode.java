package dev.clavis.platform;

/**
 * Whether Clavis runs as a demo: the bundled demo catalog is applied and the web console offers
 * demo sign-in. {@code CLAVIS_DEMO} decides; unset, it is on exactly for the embedded directory.
 */
public record DemoMode(boolean enabled) {}
