package dev.clavis.connector.keycloak;

import java.util.List;

/** The user attributes the connector reads and writes; the realm's user profile must declare them. */
final class Attributes {

    static final String DEPARTMENT = "department";
    static final String TITLE = "title";
    /** The manager's email. */
    static final String MANAGER = "manager";
    static final String EMPLOYEE_TYPE = "employeeType";

    static final List<String> ALL = List.of(DEPARTMENT, TITLE, MANAGER, EMPLOYEE_TYPE);

    private Attributes() {}
}
