/**
 * Link resolution: what a link written in Markdown points to, and the URL it gets in the built site. Used by validate and render, so both agree. The {@link dev.waymark.links.SourceMap} that render records (where each built link comes from in the Markdown) is read by check.
 */
package dev.waymark.links;
