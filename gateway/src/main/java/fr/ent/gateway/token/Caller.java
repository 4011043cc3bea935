package fr.ent.gateway.token;

/**
 * Who a verified token speaks for, reduced to what the gateway needs: the rate-limit key and the
 * id for the access log (a person id or a client id, never a name or the token).
 */
public record Caller(String personId, String clientId) {

    public static final Caller ANONYMOUS = new Caller(null, null);

    public boolean anonymous() {
        return personId == null && clientId == null;
    }

    /** People are limited per person; service accounts (no person_id) per client. */
    public String rateKey() {
        if (personId != null) {
            return "user:" + personId;
        }
        return clientId != null ? "client:" + clientId : null;
    }

    public String logId() {
        if (personId != null) {
            return personId;
        }
        return clientId != null ? "client:" + clientId : "-";
    }
}
