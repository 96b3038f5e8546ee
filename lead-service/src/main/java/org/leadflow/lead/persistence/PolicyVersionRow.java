package org.leadflow.lead.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code qualification_policy_version}: one saved version, never changed afterwards. */
@Entity
@Table(name = "qualification_policy_version")
class PolicyVersionRow {

  @Id int version;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  String policy;

  String changedBy;
  String changedByName;
  Instant changedAt;
  String note;
}
