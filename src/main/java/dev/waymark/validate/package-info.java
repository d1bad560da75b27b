/**
 * Rules over the model, one per class, each reporting diagnostics: profiles and decision trees.
 */
package dev.waymark.validate;
