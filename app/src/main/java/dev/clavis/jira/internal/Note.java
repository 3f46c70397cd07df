package dev.clavis.jira.internal;

import java.util.List;

/** One step of a request told to a person: a headline and its facts, formatted for Jira on the way out. */
record Note(String headline, List<String> facts) {

    Note {
        facts = List.copyOf(facts);
    }

    static Note of(String headline, String... facts) {
        return new Note(headline, List.of(facts));
    }
}
