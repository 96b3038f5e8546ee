package org.leadflow.benchmarks;

import io.vertx.core.buffer.Buffer;

/** A service's answer: its status and body. */
public record Reply(int status, Buffer body) {}
