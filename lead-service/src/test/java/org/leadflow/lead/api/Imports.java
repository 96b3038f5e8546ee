package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.lead.api.Leads.succeeded;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Requests of the import API, as the tests make them. */
final class Imports {

  static final String IMPORTS = "/api/v1/imports";
  static final String CSV = "text/csv";
  static final String NDJSON = "application/x-ndjson";

  private Imports() {}

  static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  /** Uploads {@code content} as the part {@code file} of type {@code type}, with a mapping and options when given. */
  static ExtractableResponse<Response> upload(RequestSpecification request, String fileName, String type, byte[] content, String mapping, String options) {
    request = request.multiPart(new MultiPartSpecBuilder(content).controlName("file").fileName(fileName).mimeType(type).build());
    if (mapping != null) {
      request = request.multiPart(new MultiPartSpecBuilder(mapping).controlName("mapping").mimeType("application/json").charset(StandardCharsets.UTF_8).build());
    }
    if (options != null) {
      request = request.multiPart(new MultiPartSpecBuilder(options).controlName("options").mimeType("application/json").charset(StandardCharsets.UTF_8).build());
    }
    return request.post(IMPORTS).then().extract();
  }

  static ExtractableResponse<Response> upload(RequestSpecification request, String type, String content, String mapping, String options) {
    return upload(request, type.equals(CSV) ? "leads.csv" : "leads.ndjson", type, content.getBytes(StandardCharsets.UTF_8), mapping, options);
  }

  /** Waits for the import to end (completed or failed) and answers it. */
  static ExtractableResponse<Response> finished(String token, String id) {
    return finished(token, id, Duration.ofSeconds(60));
  }

  static ExtractableResponse<Response> finished(String token, String id, Duration within) {
    List<ExtractableResponse<Response>> last = new ArrayList<>(1);
    await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      ExtractableResponse<Response> current = succeeded(as(token).get(IMPORTS + "/{id}", id).then().extract());
      assertThat(current.<String>path("status")).isIn("completed", "failed");
      last.clear();
      last.add(current);
    });
    return last.get(0);
  }

  /** The report's rows, each column by name. */
  static List<Map<String, String>> report(String token, String id) throws Exception {
    ExtractableResponse<Response> report = succeeded(as(token).get(IMPORTS + "/{id}/report", id).then().extract());
    assertThat(report.contentType()).startsWith(CSV);
    List<Map<String, String>> rows = new ArrayList<>();
    for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(report.asString()))) {
      rows.add(record.toMap());
    }
    return rows;
  }
}
