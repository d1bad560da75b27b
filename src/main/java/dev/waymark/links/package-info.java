/**
 * Link resolution: what a link written in Markdown points to, and the URL it gets in the built site. Used by validate and render, so both agree.
 */
package dev.waymark.links;
