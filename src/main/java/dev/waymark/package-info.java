/**
 * The build's entry point: {@link dev.waymark.Pipeline} runs the stages load, parse, model, validate, render and write in order. Each stage is a package; {@code ArchitectureTest} enforces that a stage uses only the stages before it.
 */
package dev.waymark;
