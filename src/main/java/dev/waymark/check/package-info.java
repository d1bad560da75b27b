/**
 * Check any built site (Waymark's or not) with jsoup: links, anchors and page structure, as diagnostics.
 */
package dev.waymark.check;
