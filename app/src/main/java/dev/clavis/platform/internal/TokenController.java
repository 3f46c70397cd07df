package dev.clavis.platform.internal;

import dev.clavis.platform.Callers;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.PersonResolver;
import dev.clavis.platform.Scope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TokenController {

    private final ApiTokens tokens;
    private final PersonResolver people;

    TokenController(ApiTokens tokens, PersonResolver people) {
        this.tokens = tokens;
        this.people = people;
    }

    record CreateToken(@Nullable String person, @Nullable List<String> scopes, @Nullable String name) {}

    record CreatedToken(UUID id, String token, UUID person, String email, List<String> scopes) {}

    /** The token is shown once, here; only its hash is kept. */
    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(@RequestBody CreateToken body) {
        var errors = new ArrayList<InvalidInputException.FieldError>();
        if (body.person() == null || body.person().isBlank()) {
            errors.add(new InvalidInputException.FieldError("person", "name the person by id or email"));
        }
        var scopes = EnumSet.noneOf(Scope.class);
        if (body.scopes() == null || body.scopes().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("scopes", "give at least one of request, approve, review, admin, audit"));
        } else {
            for (String value : body.scopes()) {
                Scope.parse(String.valueOf(value)).ifPresentOrElse(scopes::add, () -> errors.add(
                        new InvalidInputException.FieldError("scopes", "unknown scope '" + value
                                + "': use request, approve, review, admin or audit")));
            }
        }
        var person = body.person() == null || body.person().isBlank() ? null : people.resolvePerson(body.person()).orElse(null);
        if (body.person() != null && !body.person().isBlank() && person == null) {
            errors.add(new InvalidInputException.FieldError("person", "no person '" + body.person() + "' in the directory"));
        }
        if (!errors.isEmpty() || person == null) {
            throw new InvalidInputException("The token cannot be created: " + errors.get(0).message(), errors);
        }
        String name = body.name() == null || body.name().isBlank() ? person.email() : body.name().strip();
        var issued = tokens.issue(person.id(), name, scopes, Callers.current().name());
        return new CreatedToken(issued.id(), issued.token(), person.id(), person.email(),
                scopes.stream().map(Scope::value).toList());
    }
}
