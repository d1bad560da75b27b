/**
 * The dev server: preview, file watcher, live reload and the error overlay.
 */
package dev.waymark.serve;
