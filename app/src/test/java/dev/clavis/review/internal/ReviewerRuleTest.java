package dev.clavis.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReviewerRuleTest {

    @Test
    void eachRuleReadsBackAsItWasWritten() {
        for (String text : new String[] {"manager", "app_owner", "group_owner", "user:maria.lopez@acme.test"}) {
            assertThat(ReviewerRule.parse(text).text()).isEqualTo(text);
        }
    }

    @Test
    void aNamedReviewersEmailIsComparedWithoutCase() {
        ReviewerRule rule = ReviewerRule.parse(" user:Maria.Lopez@ACME.test ");

        assertThat(rule.kind()).isEqualTo(ReviewerRule.Kind.USER);
        assertThat(rule.email()).isEqualTo("maria.lopez@acme.test");
    }

    @Test
    void anUnknownRuleOrAUserWithoutAnEmailIsRefusedNamingTheField() {
        for (String text : new String[] {"", "owner", "user:", "group:admins"}) {
            assertThatThrownBy(() -> ReviewerRule.parse(text))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InvalidInputException.FieldError::field)
                            .containsExactly("reviewers"));
        }
    }
}
