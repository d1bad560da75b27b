/**
 * The model stage: turns parsed pages into the Site, with slugs, sections and navigation.
 */
package dev.waymark.assemble;
