/**
 * Detection of annotated handler methods and the built-in argument resolvers and result
 * conversion.
 */
@NullMarked
package dev.mcpspring.method.support;

import org.jspecify.annotations.NullMarked;
