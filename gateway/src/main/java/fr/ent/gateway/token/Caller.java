package fr.ent.gateway.token;

/**
 * Who a verified token speaks for, reduced to what the gateway needs for rate limits (see
 * routing.Admission) and the access log: a person id or a client id, never a name or the token.
 */
public record Caller(String personId, String clientId) {

    public static final Caller ANONYMOUS = new Caller(null, null);

    public String logId() {
        if (personId != null) {
            return personId;
        }
        return clientId != null ? "client:" + clientId : "-";
    }
}
