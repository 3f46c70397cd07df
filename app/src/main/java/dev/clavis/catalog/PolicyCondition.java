package dev.clavis.catalog;

import com.google.protobuf.Duration;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.Optional;

/**
 * A CEL condition over a request, compiled when the catalog is loaded so a bad expression is refused
 * then, not found out when someone asks. Variables: {@code requester} and {@code beneficiary} (maps
 * with {@code email, department, title, employeeType, groups}), {@code role} ({@code app, id, risk})
 * and {@code duration} (a CEL duration; permanent access is {@link #PERMANENT_DURATION}).
 */
public final class PolicyCondition {

    /** What {@code duration} is for permanent access: longer than any bounded duration anyone asks for. */
    public static final java.time.Duration PERMANENT_DURATION = java.time.Duration.ofDays(36_500);

    private static final MapType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("requester", OBJECT)
            .addVar("beneficiary", OBJECT)
            .addVar("role", OBJECT)
            .addVar("duration", SimpleType.DURATION)
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String source;
    private final CelRuntime.Program program;

    private PolicyCondition(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    /** Compiles the expression; the error says what CEL found wrong and where. */
    public static Compiled compile(String source) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(source).getAst();
            return new Compiled(Optional.of(new PolicyCondition(source, RUNTIME.createProgram(ast))), null);
        } catch (CelValidationException e) {
            return new Compiled(Optional.empty(), e.getMessage());
        } catch (CelEvaluationException e) {
            return new Compiled(Optional.empty(), e.getMessage());
        }
    }

    public record Compiled(Optional<PolicyCondition> condition, @org.jspecify.annotations.Nullable String error) {}

    /**
     * Evaluates the condition. An expression that fails at run time (a missing map key, say) is false:
     * the request then goes to people, which is the safe direction.
     */
    public boolean test(Map<String, Object> requester, Map<String, Object> beneficiary, Map<String, Object> role,
            java.time.Duration duration) {
        try {
            Object result = program.eval(Map.of(
                    "requester", requester,
                    "beneficiary", beneficiary,
                    "role", role,
                    "duration", Duration.newBuilder()
                            .setSeconds(duration.getSeconds())
                            .setNanos(duration.getNano())
                            .build()));
            return Boolean.TRUE.equals(result);
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyCondition that && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
