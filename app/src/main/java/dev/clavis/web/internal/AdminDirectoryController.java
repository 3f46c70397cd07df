package dev.clavis.web.internal;

import dev.clavis.directory.DirectorySyncService;
import dev.clavis.directory.SyncReport;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The directory connector and its syncs. "Sync now" asks for a sync (or joins the one already queued or
 * running); the page then polls a small fragment every second until the sync has finished.
 */
@Controller
class AdminDirectoryController {

    static final int HISTORY = 20;

    private final DirectorySyncService syncs;

    AdminDirectoryController(DirectorySyncService syncs) {
        this.syncs = syncs;
    }

    @ModelAttribute("me")
    WebUser me(Authentication auth) {
        return WebUser.of(auth);
    }

    /** @param sync the sync to follow: the one just asked for, whether or not it has finished by now */
    @GetMapping("/admin/directory")
    String page(@RequestParam(required = false) @Nullable UUID sync, Model model) {
        List<SyncReport> recent = syncs.recent(HISTORY);
        Optional<SyncReport> running = recent.stream().filter(run -> !run.finished()).findFirst();
        Optional<SyncReport> lastFinished = recent.stream().filter(SyncReport::finished).findFirst();
        model.addAttribute("connector", syncs.connectorType());
        model.addAttribute("syncs", recent);
        model.addAttribute("current", (sync == null ? running : syncs.find(sync)).orElse(null));
        model.addAttribute("awaitingConfirmation",
                running.isEmpty() ? lastFinished.filter(SyncReport::awaitsConfirmation).orElse(null) : null);
        return "web/admin-directory";
    }

    /** @param confirmLargeRemoval the admin read the refusal and confirms the directory is right */
    @PostMapping("/admin/directory/sync")
    String syncNow(@RequestParam(defaultValue = "false") boolean confirmLargeRemoval) {
        SyncReport sync = syncs.request("console", confirmLargeRemoval);
        return "redirect:/admin/directory?sync=" + sync.id();
    }

    /** The progress of one sync, as htmx polls it: the fragment stops asking once the sync has finished. */
    @GetMapping("/admin/directory/syncs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("current", syncs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "web/admin-directory :: progress";
    }
}
