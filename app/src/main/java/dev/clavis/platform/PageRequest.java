package dev.clavis.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A cursor and a size as the API takes them. Lists are ordered by a value and then an id; the
 * cursor, opaque to callers, is base64url of the last item's value and id, so a page stays stable
 * while rows are added before it.
 */
public record PageRequest(@Nullable After after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Where the previous page ended: the last item's sort value and id. */
    public record After(String value, String id) {

        /** The id as a UUID, for lists whose ids are UUIDs. */
        public UUID uuid() {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw badCursor();
            }
        }
    }

    /** @throws InvalidInputException for a malformed cursor or a limit outside 1..500 */
    public static PageRequest of(@Nullable String cursor, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT + ", not " + size);
        }
        if (cursor == null || cursor.isBlank()) {
            return new PageRequest(null, size);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int split = decoded.lastIndexOf('\n');
            if (split < 0) {
                throw badCursor();
            }
            return new PageRequest(new After(decoded.substring(0, split), decoded.substring(split + 1)), size);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    public Optional<After> afterItem() {
        return Optional.ofNullable(after);
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** Turns {@link #fetchSize()} fetched rows into a page and the cursor after its last item. */
    public <T> Page<T> page(List<T> fetched, Function<T, String> value, Function<T, ?> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        T last = items.get(items.size() - 1);
        String key = value.apply(last) + "\n" + id.apply(last);
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static InvalidInputException badCursor() {
        return new InvalidInputException("cursor", "is not a cursor this API gave out; start again without it");
    }
}
