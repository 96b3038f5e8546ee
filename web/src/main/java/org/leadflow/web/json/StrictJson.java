package org.leadflow.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON reading that refuses what it would otherwise quietly change or guess, for both services'
 * request bodies (consumed events are read tolerantly instead, by messaging's EventData): a value of another type is never coerced ({@code "lastName": true} is not
 * "true", {@code "5"} is no number, 2.5 employees are not 2), {@code null} is no boolean or number
 * (an omitted one keeps its default; see {@link RequestValueChecks}),
 * a member appears once, nothing follows the value, numbers fit their type, and every value passes
 * {@link RequestValueChecks}. Each refusal is a 400 problem naming the member.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  @SuppressWarnings("deprecation") // ObjectMapper.configure(MapperFeature): the builder is no option for a customizer
  public void customize(ObjectMapper mapper) {
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    // "5" for a number, "true" or 1 for a boolean
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    // true, 1 or 1e309 for a string
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.registerModule(RequestValueChecks.module());
  }
}
