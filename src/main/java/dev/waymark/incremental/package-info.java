/**
 * Incremental rebuilds: which pages a change affects, so serve re-renders only those.
 */
package dev.waymark.incremental;
