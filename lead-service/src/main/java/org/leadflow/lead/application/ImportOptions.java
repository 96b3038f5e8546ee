package org.leadflow.lead.application;

/**
 * How an import gives its leads owners, and whether the same file may be imported again.
 *
 * @param ownerId the owner of rows that name none (null: the assignment rules, else the importer)
 * @param assignByRules whether rows without an owner (and without {@code ownerId}) are given to a
 *     seller by the assignment rules; only for those who may import for others
 * @param allowReimport import a file even though the same file (by SHA-256) was imported before
 */
public record ImportOptions(String ownerId, boolean assignByRules, boolean allowReimport) {

  public static final ImportOptions DEFAULT = new ImportOptions(null, true, false);
}
