package org.leadflow.lead.domain.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileReader;
import java.nio.file.Path;
import java.util.*;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class XEducationScratchTest {
  @Test
  void scratch() throws Exception {
    JsonNode mapping = new ObjectMapper().readTree(Path.of("../docs/imports/x-education-mapping.json").toFile());
    Set<String> excluded = new HashSet<>(Arrays.asList(System.getProperty("excl", "tags,leadQuality,lastNotableActivity").split(",")));
    List<TrainingExample> examples = new ArrayList<>();
    try (var reader = new FileReader("src/test/resources/datasets/x-education-leads.csv")) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> cats = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mapping.get("columns").fields(); it.hasNext(); ) {
          var e = it.next();
          String target = e.getValue().asText();
          String v = r.get(e.getKey());
          if (v == null || v.isBlank() || v.equals("Select")) continue;
          boolean number = target.endsWith(":number");
          String key = target.replace(":number", "");
          String name = key.startsWith("attributes.") ? key.substring(11) : key;
          if (excluded.contains(name) || name.equals("prospectId") || name.equals("leadNumber")) continue;
          if (number) numbers.put(key, Double.parseDouble(v)); else cats.put(key, v);
        }
        examples.add(new TrainingExample(UUID.randomUUID(), r.get("Prospect ID"), new LeadFeatures(numbers, cats), r.get("Converted").equals("1")));
      }
    }
    long t = System.currentTimeMillis();
    var result = ModelTraining.train(examples, new ModelTraining.Parameters(0.2, 42, 2, 1000, true));
    System.out.println("SCRATCH " + excluded + " " + result.metrics() + " in " + (System.currentTimeMillis() - t) + " ms");
    t = System.currentTimeMillis();
    NaiveBayes.fitAndScore(examples.subList(0, 7000), examples.subList(7000, 9237));
    System.out.println("SCRATCH nb ms " + (System.currentTimeMillis() - t));
    t = System.currentTimeMillis();
    LogisticRegression.fitAndScore(result.space(), examples.subList(0, 7000), examples.subList(7000, 9237));
    System.out.println("SCRATCH lr ms " + (System.currentTimeMillis() - t));
    ScoringModel model = ScoringModel.load(1, result.trees(), result.space(), result.calibration());
    var p = model.predict(examples.get(0).features());
    System.out.println("SCRATCH " + p);
    long s = System.nanoTime();
    for (int i = 0; i < 2000; i++) model.predict(examples.get(i).features());
    System.out.println("SCRATCH predict us " + (System.nanoTime() - s) / 2000 / 1000.0);
  }
}
