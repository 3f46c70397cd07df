package dev.clavis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The console's links as routes: a page's links to other console pages, and the route a URL is an
 * instance of ({@code /requests/{id}}, {@code /audit?before&type}), so that figures are per page kind,
 * not per request id.
 */
final class ConsoleRoutes {

    /** The console's sections, as its security chain lists them; sign-in, sign-out and static files aside. */
    static final List<String> SECTIONS = List.of("/portal", "/requests", "/access", "/inbox", "/reviews", "/admin", "/audit",
            "/dashboard");

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)(?:#[^\"]*)?\"");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ConsoleRoutes() {}

    /** Links on the page to console pages, in order of appearance, HTML entities in them decoded. */
    static List<String> links(String html) {
        var links = new ArrayList<String>();
        LINK.matcher(html).results().map(m -> m.group(1).replace("&amp;", "&"))
                .filter(ConsoleRoutes::inConsole).forEach(links::add);
        return links;
    }

    static boolean inConsole(String url) {
        String path = url.split("\\?", 2)[0];
        return SECTIONS.stream().anyMatch(section -> path.equals(section) || path.startsWith(section + "/"));
    }

    /** Ids and numbers in the path become {@code {id}} and {@code {n}}; query values are dropped, keys sorted. */
    static String route(String url) {
        String[] parts = url.split("\\?", 2);
        var path = new StringBuilder();
        for (String segment : parts[0].split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            if (UUID.matcher(segment).matches()) {
                path.append("{id}");
            } else if (NUMBER.matcher(segment).matches()) {
                path.append("{n}");
            } else if (UUID.matcher(segment).find()) {
                path.append(UUID.matcher(segment).replaceAll("{id}"));
            } else {
                path.append(segment);
            }
        }
        if (parts.length == 2 && !parts[1].isEmpty()) {
            var keys = new TreeSet<String>();
            for (String pair : parts[1].split("&")) {
                String key = pair.split("=", 2)[0];
                String value = pair.contains("=") ? pair.split("=", 2)[1] : "";
                if (!value.isEmpty()) {
                    keys.add(key.toLowerCase(Locale.ROOT));
                }
            }
            if (!keys.isEmpty()) {
                path.append('?').append(String.join("&", keys));
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
