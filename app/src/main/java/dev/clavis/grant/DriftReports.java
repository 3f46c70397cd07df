package dev.clavis.grant;

/** The drift between grants and the directory, as {@code GET /api/v1/drift} reports it, for reading on a page. */
public interface DriftReports {

    /** The drift as it stands, at most {@code limit} rows of each kind, with the full counts. */
    DriftReport report(int limit);
}
