package org.leadflow.lead.api;

import static org.leadflow.web.Problems.answer;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.lead.application.StartImport;
import org.leadflow.lead.service.ImportQueries;
import org.leadflow.web.FieldError;
import org.leadflow.web.Problems;

/** The import's own failures as problem+json (the common ones are mapped by {@link Problems}). */
public class ImportProblems {

  @ServerExceptionMapper
  public Response sameFile(StartImport.SameFileImportedException failure, UriInfo uri) {
    return Response.status(409)
        .type(Problems.MEDIA_TYPE)
        .entity(
            new SameFileProblem(
                Problems.TYPE_BASE + "same-file-imported", "Same file imported before", 409, failure.getMessage(), uri.getPath(), failure.earlierImport()))
        .build();
  }

  /** RFC 9457 problem with one extension member: the earlier import of the same file. */
  public record SameFileProblem(String type, String title, int status, String detail, String instance, UUID earlierImport) {}

  @ServerExceptionMapper
  public Response tooManyRows(ImportRows.TooManyRowsException failure, UriInfo uri) {
    return answer(413, "too-many-rows", "Too many rows", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response unsupportedFile(ImportResource.UnsupportedFileTypeException failure, UriInfo uri) {
    return answer(415, "unsupported-file-type", "Unsupported file type", failure.getMessage(), uri, null, null);
  }

  /**
   * An upload whose multipart body ends before its closing boundary (a body that is not multipart at
   * all, or a connection cut off): the request is wrong, not the service. Elsewhere an I/O failure is
   * unexpected, as {@link Problems} answers it.
   */
  @ServerExceptionMapper
  public Response unreadableUpload(IOException failure, UriInfo uri) {
    if (!uri.getPath().startsWith("/api/v1/imports")) {
      return new Problems().unexpected(failure, uri);
    }
    return answer(400, "validation", "Invalid request", "1 field is invalid", uri,
        List.of(new FieldError("body", "is not a complete multipart/form-data body: " + failure.getMessage())), null);
  }

  @ServerExceptionMapper
  public Response notFound(ImportQueries.ImportNotFoundException failure, UriInfo uri) {
    return answer(404, "not-found", "Import not found", failure.getMessage(), uri, null, null);
  }
}
