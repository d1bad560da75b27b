/**
 * Render: the theme (jte templates and assets), page bodies, view-models and the search index.
 */
package dev.waymark.render;
