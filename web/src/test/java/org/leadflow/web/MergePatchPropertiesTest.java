package org.leadflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The merge-patch rules (RFC 7386) over generated documents and patches: nested objects, nulls,
 * arrays and scalars, few member names so that patches and targets overlap.
 */
class MergePatchPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void aPatchTouchesOnlyTheMembersItNamesNullRemovesAndAnythingElseReplaces() {
    qt().withExamples(2000).forAll(objects(3), objects(3)).checkAssert((target, patch) -> {
      JsonNode result = MergePatch.apply(target, patch);
      assertThat(result.isObject()).isTrue();
      patch.fieldNames().forEachRemaining(name -> {
        JsonNode value = patch.get(name);
        if (value.isNull()) {
          assertThat(result.has(name)).as("%s removed by null", name).isFalse();
        } else if (!value.isObject()) {
          assertThat(result.get(name)).as("%s replaced", name).isEqualTo(value);
        } else {
          assertThat(result.get(name).isObject()).as("%s merged", name).isTrue();
        }
      });
      target.fieldNames().forEachRemaining(name -> {
        if (!patch.has(name)) {
          assertThat(result.get(name)).as("%s not named by the patch", name).isEqualTo(target.get(name));
        }
      });
      result.fieldNames().forEachRemaining(name -> assertThat(target.has(name) || patch.has(name)).as(name).isTrue());
    });
  }

  @Test
  void applyingAPatchTwiceIsApplyingItOnce() {
    qt().withExamples(2000).forAll(objects(3), documents(3))
        .check((target, patch) -> MergePatch.apply(MergePatch.apply(target, patch), patch).equals(MergePatch.apply(target, patch)));
  }

  @Test
  void neitherTheTargetNorThePatchIsChanged() {
    qt().withExamples(1000).forAll(objects(3), documents(3)).check((target, patch) -> {
      JsonNode targetBefore = target.deepCopy();
      JsonNode patchBefore = patch.deepCopy();
      MergePatch.apply(target, patch);
      return target.equals(targetBefore) && patch.equals(patchBefore);
    });
  }

  @Test
  void aPatchThatIsNoObjectReplacesTheWholeDocument() {
    qt().withExamples(500).forAll(objects(2), scalarsAndArrays())
        .check((target, patch) -> MergePatch.apply(target, patch).equals(patch));
  }

  @Test
  void aPatchNeverLeavesANullMemberBehindInADocumentWithoutOne() {
    qt().withExamples(2000).forAll(objects(3).map(MergePatchPropertiesTest::withoutNullMembers), objects(3))
        .check((target, patch) -> !hasNullMember(target) && !hasNullMember(MergePatch.apply(target, patch)));
  }

  /** The document with every member whose value is null taken out, at any depth of objects. */
  private static JsonNode withoutNullMembers(JsonNode node) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode copy = NODES.objectNode();
    node.fields().forEachRemaining(member -> {
      if (!member.getValue().isNull()) {
        copy.set(member.getKey(), withoutNullMembers(member.getValue()));
      }
    });
    return copy;
  }

  /** Whether an object, at any depth of objects, has a member whose value is null (an array is a value, nulls and all). */
  private static boolean hasNullMember(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    for (JsonNode member : node) {
      if (member.isNull() || hasNullMember(member)) {
        return true;
      }
    }
    return false;
  }

  /** Any JSON value: mostly objects, to depth {@code depth}. */
  private static Gen<JsonNode> documents(int depth) {
    return depth == 0 ? scalarsAndArrays() : scalarsAndArrays().mix(objects(depth), 60);
  }

  private static Gen<JsonNode> objects(int depth) {
    Gen<String> names = arbitrary().pick(List.of("a", "b", "c", "d", "e"));
    Gen<JsonNode> values = depth <= 1 ? scalarsAndArrays() : documents(depth - 1);
    return lists().of(names.zip(values, List::<Object>of)).ofSizeBetween(0, 5).map(members -> {
      ObjectNode object = NODES.objectNode();
      members.forEach(member -> object.set((String) member.get(0), (JsonNode) member.get(1)));
      return (JsonNode) object;
    });
  }

  private static Gen<JsonNode> scalarsAndArrays() {
    return integers().between(0, 4).zip(integers().between(-1000, 1000), strings().basicLatinAlphabet().ofLengthBetween(0, 4),
        (kind, number, text) -> switch (kind) {
          case 0 -> NODES.nullNode();
          case 1 -> NODES.numberNode(number);
          case 2 -> NODES.textNode(text);
          case 3 -> NODES.booleanNode(number % 2 == 0);
          default -> NODES.arrayNode().add(number).add(text).addNull(); // replaced whole, nulls and all
        });
  }
}
