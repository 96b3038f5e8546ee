package org.leadflow.lead.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

/**
 * The similar-name duplicate rule's index only pays off when the trigram operator matches at the
 * rule's own similarity: each of lead-service's connections opens with that threshold.
 */
@QuarkusTest
class SimilarNameThresholdTest {

  @Test
  void everyConnectionMatchesTrigramsAtTheSimilarNameRulesOwnThreshold() throws Throwable {
    String threshold =
        VertxContextSupport.subscribeAndAwait(
            () ->
                Panache.withSession(
                    () ->
                        Panache.getSession()
                            .chain(session ->
                                session.createNativeQuery("SELECT show_limit()::text", String.class).getSingleResult())));

    assertThat(Double.parseDouble(threshold)).isEqualTo(0.6);
  }
}
