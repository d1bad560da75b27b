/**
 * The picocli commands. They read options, run the pipeline, print diagnostics through one format and turn them into exit codes.
 */
package dev.waymark.cli;
