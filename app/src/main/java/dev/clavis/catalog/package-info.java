/**
 * The catalog: applications, their roles, the directory groups behind each role and the policy for
 * asking. Kept as code (YAML), applied whole, every version stored so a decision can name the policy
 * it was made under.
 */
@NullMarked
package dev.clavis.catalog;

import org.jspecify.annotations.NullMarked;
