package org.leadflow.benchmarks;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** One API call to make: method, path (with query) and an optional JSON body. */
public record Request(HttpMethod method, String path, Buffer body) {

  public static Request get(String path) {
    return new Request(HttpMethod.GET, path, null);
  }

  public static Request postJson(String path, String json) {
    return new Request(HttpMethod.POST, path, Buffer.buffer(json));
  }
}
