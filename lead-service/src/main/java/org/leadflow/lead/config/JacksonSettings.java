package org.leadflow.lead.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** JSON reading that refuses what it would otherwise quietly change. */
@Singleton
public class JacksonSettings implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    // 2.5 employees is a mistake to report, not 2 employees to store.
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }
}
