package org.leadflow.opportunity.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.domain.CurrencyAmounts;
import org.leadflow.opportunity.domain.InvalidFieldException;
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.service.AccountService.AccountChange;
import org.leadflow.opportunity.service.ContactService.ContactChange;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.MergePatch;

/** Reads accounts and contacts users send, whole or as merge patches of what is stored. */
final class RecordInputs {

  private RecordInputs() {}

  static AccountChange account(AccountInput input) {
    try {
      return new AccountChange(
          new Account.Fields(
              input.name(),
              input.website(),
              input.industry(),
              input.numberOfEmployees(),
              money("annualRevenue", input.annualRevenue()),
              input.country(),
              input.city(),
              input.phone(),
              input.emailDomain()),
          input.ownerId());
    } catch (InvalidFieldException e) {
      throw invalid(e);
    }
  }

  static ContactChange contact(ContactInput input) {
    try {
      return new ContactChange(
          new Contact.Fields(input.firstName(), input.lastName(), input.email(), input.phone(), input.jobTitle(), input.accountId()),
          input.ownerId());
    } catch (InvalidFieldException e) {
      throw invalid(e);
    }
  }

  static AccountInput input(Account a) {
    MoneyDto revenue = a.annualRevenue() == null ? null : new MoneyDto(a.annualRevenue().amountText(), a.annualRevenue().currency());
    return new AccountInput(
        a.name(), a.website(), a.industry(), a.numberOfEmployees(), revenue, a.country(), a.city(), a.phone(), a.emailDomain(), a.ownerId());
  }

  static ContactInput input(Contact c) {
    return new ContactInput(c.firstName(), c.lastName(), c.email(), c.phone(), c.jobTitle(), c.accountId(), c.ownerId());
  }

  /** {@code current} with {@code patch} applied (RFC 7386), read as {@code type}. */
  static <T> T patched(ObjectMapper json, Object current, JsonNode patch, Class<T> type) {
    JsonNode merged = MergePatch.apply(json.valueToTree(current), patch);
    try {
      return json.treeToValue(merged, type);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(List.of(org.leadflow.web.Problems.fieldError(e)));
    }
  }

  private static Money money(String field, MoneyDto money) {
    if (money == null) {
      return null;
    }
    try {
      CurrencyAmounts.decimals(money.currency());
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field + ".currency", e.getMessage());
    }
    try {
      CurrencyAmounts.parse(money.amount(), money.currency());
      return Money.parse(money.amount(), money.currency());
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field + ".amount", e.getMessage());
    }
  }

  private static InvalidRequestException invalid(InvalidFieldException e) {
    return new InvalidRequestException(List.of(new FieldError(e.field(), e.reason())));
  }
}
