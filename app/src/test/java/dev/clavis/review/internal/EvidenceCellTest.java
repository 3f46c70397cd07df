package dev.clavis.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceCellTest {

    @Test
    void aCellWithACommaQuoteOrLineBreakIsQuotedWithItsQuotesDoubled() {
        assertThat(Evidence.cell("kept, on call")).isEqualTo("\"kept, on call\"");
        assertThat(Evidence.cell("the \"ops\" team")).isEqualTo("\"the \"\"ops\"\" team\"");
        assertThat(Evidence.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aCommentASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(Evidence.cell("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK(");
        assertThat(Evidence.cell("+1")).isEqualTo("'+1");
        assertThat(Evidence.cell("@sum")).isEqualTo("'@sum");
    }

    @Test
    void anAbsentValueIsAnEmptyCellAndAPlainOneIsLeftAlone() {
        assertThat(Evidence.cell(null)).isEmpty();
        assertThat(Evidence.cell("REVOKE")).isEqualTo("REVOKE");
        assertThat(Evidence.cell(42L)).isEqualTo("42");
    }
}
