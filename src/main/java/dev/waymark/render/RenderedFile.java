package dev.waymark.render;

/** One file of the output: its site path and its bytes. */
public record RenderedFile(String path, byte[] bytes) {
}
