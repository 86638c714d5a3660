package cn.econtract.app.notification;

import java.util.List;

/**
 * A short message to one phone number or e-mail address (one-time codes, invitations, reminders).
 * {@code subject} is the e-mail's subject (null: a generic one); {@code attachments} go with an
 * e-mail only (a dunning letter's PDF). SMS uses the body alone.
 */
public record TextMessage(Channel channel, String destination, String subject, String body, List<Attachment> attachments) {

    public TextMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public TextMessage(Channel channel, String destination, String body) {
        this(channel, destination, null, body, List.of());
    }

    public TextMessage(Channel channel, String destination, String subject, String body) {
        this(channel, destination, subject, body, List.of());
    }

    public enum Channel { SMS, EMAIL }

    /** A file sent with an e-mail. */
    public record Attachment(String fileName, String mediaType, byte[] content) {
    }
}
