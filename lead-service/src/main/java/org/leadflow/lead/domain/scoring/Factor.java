package org.leadflow.lead.domain.scoring;

/**
 * One reason for a score: a feature of the lead, its value, and how much it moved the score.
 *
 * @param feature the feature's name ({@code attributes.leadOrigin}, {@code source}, ...)
 * @param value the lead's value of it, as text ({@code null}: the lead has none)
 * @param contribution its effect in log-odds (SHAP value for a model; for the rules, points / 25)
 * @param points its effect on the 0–100 score, approximately (positive raises it)
 * @param text the reason in plain words
 */
public record Factor(String feature, String value, double contribution, int points, String text) {}
