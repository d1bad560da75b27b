/**
 * Load and parse: walk the content folder into source files, read site.yaml and front matter (YAML with positions), and parse Markdown with the single flexmark set-up.
 */
package dev.waymark.content;
