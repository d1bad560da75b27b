/**
 * The persistent build cache: page files of earlier builds, kept under a key of everything they were rendered from,
 * reused (hard-linked) by a later build instead of being rendered again. Never a source of truth: every entry is
 * checked against its hash before use, and anything unexpected means "render it again".
 */
package dev.waymark.cache;
