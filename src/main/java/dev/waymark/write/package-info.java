/**
 * Write: the output folder, staged in a temporary folder and swapped in atomically, with a manifest of what Waymark wrote.
 */
package dev.waymark.write;
