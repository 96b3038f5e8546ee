package org.leadflow.lead.api;

import static org.leadflow.web.Problems.answer;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.lead.application.StartImport;
import org.leadflow.lead.service.ImportQueries;
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

  @ServerExceptionMapper
  public Response notFound(ImportQueries.ImportNotFoundException failure, UriInfo uri) {
    return answer(404, "not-found", "Import not found", failure.getMessage(), uri, null, null);
  }
}
