/**
 * Problems and where they are: {@link dev.waymark.diag.SourcePosition}, {@link dev.waymark.diag.Diagnostic}, the {@link dev.waymark.diag.Diagnostics} collector, and the one set of output formats (text, json, github). Every stage reports through these; this package uses no other.
 */
package dev.waymark.diag;
