package org.leadflow.messaging;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans the test application ends, kept in memory: the OpenTelemetry extension exports to every
 * {@code SpanExporter} bean ({@code quarkus.otel.traces.exporter=cdi}, its default).
 */
public class TestSpans {

  @Produces
  @Singleton
  InMemorySpanExporter spans() {
    return InMemorySpanExporter.create();
  }
}
