package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;

/**
 * The one place a use case is carried out: it reads what it needs, lets the domain decide, and
 * records the change with its history and events. It opens no transaction: {@link Commands} runs it
 * in one (with the request's {@code Idempotency-Key}), or a consumer in that of its inbox.
 *
 * @param <C> the command: what is asked, by whom
 * @param <R> what the handler answers
 */
public interface CommandHandler<C, R> {

  Uni<R> handle(C command);
}
