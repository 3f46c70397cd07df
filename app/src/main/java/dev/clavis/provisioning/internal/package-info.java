@NullMarked
package dev.clavis.provisioning.internal;

import org.jspecify.annotations.NullMarked;
