package org.leadflow.lead.domain.policy;

/** What makes a policy impossible to evaluate, and where: {@code criteria[2].operator}. */
public record PolicyProblem(String path, String message) {}
