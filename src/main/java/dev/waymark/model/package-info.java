/**
 * The content model as immutable records: Site, Page, profiles, choice lists, decision trees, the site configuration.
 */
package dev.waymark.model;
