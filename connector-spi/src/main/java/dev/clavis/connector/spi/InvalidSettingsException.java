package dev.clavis.connector.spi;

import java.util.List;

/** The settings given to a connector cannot work; {@link #problems()} names each bad setting. */
public class InvalidSettingsException extends PermanentConnectorException {

    private final List<String> problems;

    public InvalidSettingsException(String connectorType, List<String> problems) {
        super("Invalid " + connectorType + " settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
