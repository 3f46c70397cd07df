package dev.clavis.web.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Times as the admin pages print them ({@code ${@consoleTime.at(t)}}): UTC to the second, a dash for none. */
@Component("consoleTime")
public class ConsoleTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public String at(@Nullable Instant time) {
        return time == null ? "—" : FORMAT.format(time);
    }
}
