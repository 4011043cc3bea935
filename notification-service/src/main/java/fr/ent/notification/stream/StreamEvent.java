package fr.ent.notification.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.notification.inbox.InboxEntry;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One event as it goes on the wire, encoded once and written as it is to every stream it is for: a
 * guardian often has several streams open (tabs, devices), and a heartbeat goes to them all. The bytes
 * are in an unreleasable direct buffer, so each write sends the same memory (Vert.x hands every write
 * its own slice; Netty copies nothing to the socket and releases nothing shared).
 */
record StreamEvent(long seq, Buffer bytes) {

    /** A comment: keeps proxies from closing a quiet stream. */
    static final Buffer HEARTBEAT = wire(":ping\n\n");

    /** A {@code notification} event: id = the inbox seq, data = the inbox entry as JSON (one line). */
    static StreamEvent notification(InboxEntry row, ObjectMapper json) {
        try {
            return new StreamEvent(row.seq(), wire("id:" + row.seq() + "\nevent:notification\ndata:"
                    + json.writeValueAsString(row) + "\n\n"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an inbox entry that cannot be written as JSON: " + row.id(), e);
        }
    }

    /** A {@code notification-removed} event: the inbox ids taken back (no id: Last-Event-ID stays). */
    static Buffer removed(List<UUID> ids, ObjectMapper json) {
        try {
            return wire("event:notification-removed\ndata:" + json.writeValueAsString(Map.of("ids", ids)) + "\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Buffer wire(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes)));
    }
}
