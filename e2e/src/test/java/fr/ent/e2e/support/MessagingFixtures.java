package fr.ent.e2e.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Jean Moulin's messages as the generated suites need them, made through the API the first time
 * and found again afterwards: {@code messagingMessage} (and its {@code messagingConversation}),
 * Claire Martin's "E2E Fixture" message to Léa's parents Sophie and Marc; {@code messagingBroadcast},
 * the CPE's "E2E Fixture" information to the families of 4A.
 */
final class MessagingFixtures {

    private static final String TITLE = "E2E Fixture";

    private MessagingFixtures() {
    }

    static void add(ApiFixtures f, UUID school, UUID class4A) {
        Map<String, Object> found = Gateway.as("claire").queryParam("box", "SENT").queryParam("size", 100)
                .get("/api/messaging/mailbox").then().statusCode(200).extract().jsonPath()
                .getMap("items.find { it.subject == '" + TITLE + "' }");
        String message;
        String conversation;
        if (found != null) {
            message = (String) found.get("id");
            conversation = (String) found.get("conversationId");
        } else {
            var sent = Gateway.as("claire").body(Map.of("schoolId", school.toString(), "subject", TITLE,
                            "body", "Message des tests de bout en bout.",
                            "to", List.of(Map.of("personId", f.value("sophie")), Map.of("personId", f.value("marc")))))
                    .post("/api/messaging/messages").then().statusCode(201).extract().jsonPath();
            message = sent.getString("message.id");
            conversation = sent.getString("message.conversationId");
        }
        String broadcast = Gateway.as("cpe").get("/api/messaging/schools/{id}/broadcasts", school).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.subject == '" + TITLE + "' }.id", String.class).stream().findFirst()
                .orElseGet(() -> ApiFixtures.made("messaging broadcast", Gateway.as("cpe").body(Map.of("subject", TITLE,
                                "body", "Information des tests de bout en bout.", "classIds", List.of(class4A.toString())))
                        .post("/api/messaging/schools/{id}/broadcasts", school)));
        f.put("messagingMessage", message);
        f.put("messagingConversation", conversation);
        f.put("messagingBroadcast", broadcast);
    }
}
