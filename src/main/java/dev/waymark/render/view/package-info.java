/**
 * The theme contract: the typed view-models templates receive as parameters.
 */
package dev.waymark.render.view;
