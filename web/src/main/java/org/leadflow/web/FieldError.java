package org.leadflow.web;

/** One offending field of a request, in a 400 problem. */
public record FieldError(String field, String message) {}
